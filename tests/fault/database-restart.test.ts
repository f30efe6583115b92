// PostgreSQL restarting under the app, with transactions open: the app must recover by itself
// within seconds (no connection left leaked in the pool), for both a fast and an immediate
// shutdown. Runs on a cluster of its own (tests/support/private-postgres.ts), never the shared one.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";

let cluster: PrivatePostgres;
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(() => {
  cluster = startPrivatePostgres(55_000 + (process.pid % 400));
});
afterAll(() => cluster?.stop());

/** Run the app's side in its own process; restart the cluster once it holds every connection. */
function restartUnderLoad(mode: "fast" | "immediate"): Promise<{ recovered: boolean; afterMs?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "tests/fault/hold-transactions.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: cluster.url, DATABASE_POOL_SIZE: "8", AMPLY_EMBEDDED_DATABASE: "0" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the app's process did not finish: ${output}`));
    }, 90_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("open") && !output.includes("restarted")) {
        output += "\nrestarted\n";
        cluster.restart(mode);
        child.stdin.write("go\n");
      }
    });
    child.on("exit", () => {
      clearTimeout(timer);
      const line = output.split("\n").find((candidate) => candidate.startsWith("{"));
      if (!line) return reject(new Error(`no result from the app's process: ${output}`));
      resolve(JSON.parse(line) as { recovered: boolean; afterMs?: number });
    });
  });
}

describe("a database restart with transactions open", () => {
  it.each(["fast", "immediate"] as const)(
    "-m %s: the app recovers by itself within seconds, with every pool connection usable",
    async (mode) => {
      const result = await restartUnderLoad(mode);
      expect(result.recovered).toBe(true);
      expect(result.afterMs).toBeLessThan(15_000);
    },
    120_000,
  );
});
