// What the benchmarks share: a production build, a fresh database on the local PostgreSQL, the
// Stripe sandbox, and `npm start` processes (scripts/serve.ts), all on loopback and all stopped at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

export const root = path.resolve(import.meta.dirname, "../..");
export const say = (message: string) => console.log(`[bench] ${message}`);

export type Bench = {
  database: TestDatabase;
  sandbox: RunningSandbox;
  env: NodeJS.ProcessEnv;
  startServers: (ports: number[], options?: { nodeFlags?: string[]; profileDir?: string }) => Promise<string[]>;
  stop: () => Promise<void>;
};

export async function prepareBench(label: string, appUrl: string, overrides: Record<string, string> = {}): Promise<Bench> {
  process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = await createTestDatabase(label);
  const sandbox = await startSandbox({ quiet: true, webhookUrl: undefined });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...sandbox.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? "8",
    APP_URL: appUrl,
    AUTH_SECRET: "bench-secret-0123456789-bench-secret",
    AMPLY_E2E: "1",
    AMPLY_WORKER_IN_PROCESS: "0",
    // The bench stands in for many donors behind a proxy on loopback: it sends X-Forwarded-For.
    TRUSTED_PROXIES: "127.0.0.1",
    ...overrides,
  };
  const servers: ChildProcess[] = [];
  const stop = async () => {
    for (const server of servers) server.kill("SIGTERM");
    await sandbox.stop();
    await database.drop();
  };

  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.BENCH_BUILD === "1") {
    say("next build…");
    await new Promise<void>((resolve, reject) =>
      spawn(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env, stdio: "inherit" }).on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error("build failed")),
      ),
    );
  }

  const startServers = async (ports: number[], options: { nodeFlags?: string[]; profileDir?: string } = {}) => {
    const urls = ports.map((port) => `http://127.0.0.1:${port}`);
    ports.forEach((port, index) => {
      const profile = options.profileDir && index === 0 ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [];
      servers.push(
        // Amply's own server, as `npm start` runs it (scripts/serve.ts).
        spawn(
          process.execPath,
          [...profile, ...(options.nodeFlags ?? []), "--import", "tsx", "scripts/serve.ts", "--port", String(port), "--hostname", "127.0.0.1"],
          {
            cwd: root,
            env,
            stdio: ["ignore", "ignore", "inherit"],
          },
        ),
      );
    });
    for (const url of urls) {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 120) throw new Error(`${url} did not start`);
        if (
          await fetch(`${url}/api/health`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    return urls;
  };

  return { database, sandbox, env, startServers, stop };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

/**
 * Run a benchmark: prepare everything, run `body`, and always stop what was started, within
 * `minutes`. `body` answers whether every request it made succeeded; if not, the exit code is 1.
 */
export function runBench(label: string, appUrl: string, minutes: number, body: (bench: Bench) => Promise<boolean>) {
  void (async () => {
    const bench = await prepareBench(label, appUrl);
    const guard = setTimeout(() => {
      console.error(`[bench] took longer than ${minutes} minutes; stopping`);
      void bench.stop().then(() => process.exit(1));
    }, minutes * 60_000);
    try {
      if (!(await body(bench))) process.exitCode = 1;
    } finally {
      clearTimeout(guard);
      await bench.stop();
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
