// A PostgreSQL cluster of a test's own, on its own port and socket directory, that the test may
// stop and restart at will: never the shared server on 5432. initdb refuses to run as root, so
// the cluster belongs to the `postgres` user. If it cannot be started the test fails, saying why.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

function asPostgres(command: string, args: string[]) {
  const runAs = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  return execFileSync(runAs[0] as string, runAs[1] as string[], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", timeout: 60_000 });
}

export type PrivatePostgres = { url: string; restart: (mode: "fast" | "immediate") => void; stop: () => void };

export function startPrivatePostgres(port: number): PrivatePostgres {
  const dir = mkdtempSync(path.join(tmpdir(), "amply-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  try {
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
    asPostgres("initdb", ["-D", data, "--auth=trust", "-U", "postgres", "--no-sync"]);
    asPostgres("pg_ctl", ["-D", data, "-o", options, "-w", "-t", "30", "-l", path.join(dir, "log"), "start"]);
  } catch (error) {
    const detail = error instanceof Error && "stderr" in error ? String((error as { stderr: unknown }).stderr) : String(error);
    throw new Error(`Could not start a private PostgreSQL cluster on port ${port} (${BIN}, as the postgres user): ${detail}`);
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart: (mode) => {
      asPostgres("pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "30", "stop"]);
      asPostgres("pg_ctl", ["-D", data, "-o", options, "-w", "-t", "30", "-l", path.join(dir, "log"), "start"]);
    },
    stop: () => {
      try {
        asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
