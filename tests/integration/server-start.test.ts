// The Next.js server calls onServerStart() first thing (instrumentation.ts): bad configuration
// must stop the process with a message naming the variable.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

it("refuses to start, naming what is missing or malformed", () => {
  const result = spawnSync(
    path.join(root, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "-e", "import('./lib/server-start.ts').then((m) => m.onServerStart()).then(() => console.log('STARTED'))"],
    {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH, NODE_ENV: "development", DATABASE_URL: "mysql://nope", APP_URL: "http://localhost:3000", AUTH_SECRET: "x".repeat(40) },
    },
  );
  expect(result.status).toBe(1);
  expect(result.stdout).not.toContain("STARTED");
  expect(result.stderr).toContain("Amply cannot start");
  expect(result.stderr).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
  expect(result.stderr).toMatch(/STRIPE_SECRET_KEY is required/);
});
