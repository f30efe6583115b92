// Process managers and IDE stop buttons send SIGTERM (or SIGINT) to the npm process itself, not
// to its process group. npm passes the signal to the script's process only: a script run through
// `sh -c` would die alone and leave Amply (and the database and sandbox it holds) running. This
// runs package.json's real `dev` script, with Amply's entry point replaced by a stand-in that
// records the signal and holds a child of its own, as Next.js is Amply's child.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const devScript = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { dev: string } }).scripts.dev;
const leftovers: number[] = [];

afterEach(() => {
  for (const pid of leftovers.splice(0)) if (alive(pid)) process.kill(pid, "SIGKILL");
});

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, what: string) {
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it.each(["SIGTERM", "SIGINT"] as const)("npm run dev stops Amply and its children on %s sent to the npm process", async (signal) => {
  const dir = mkdtempSync(path.join(tmpdir(), "amply-dev-signals-"));
  expect(devScript).toContain("scripts/amply.ts dev");
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "dev-signals", private: true, type: "module", scripts: { dev: devScript.replace("scripts/amply.ts dev", "stand-in.ts") } }),
  );
  writeFileSync(
    path.join(dir, "stand-in.ts"),
    `import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
const child = spawn("sleep", ["120"], { stdio: "ignore" });
writeFileSync("pids", JSON.stringify([process.pid, child.pid]));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { writeFileSync("stopped", signal); child.kill(); child.once("exit", () => process.exit(0)); });
setInterval(() => {}, 1000);
`,
  );
  const npm = spawn("npm", ["run", "dev", "--silent"], {
    cwd: dir,
    stdio: "ignore",
    env: { ...process.env, PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}` },
  });
  const npmExit = new Promise((resolve) => npm.once("exit", resolve));
  await until(() => existsSync(path.join(dir, "pids")), "the stand-in to start");
  const pids = JSON.parse(readFileSync(path.join(dir, "pids"), "utf8")) as number[];
  leftovers.push(...pids);

  npm.kill(signal);
  await npmExit;
  await until(() => !pids.some(alive), "every process under npm to stop");
  expect(readFileSync(path.join(dir, "stopped"), "utf8")).toBe(signal);
});
