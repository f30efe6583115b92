// Runs the Prisma CLI (migrations) for scripts and tests, never for the app itself.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Run `prisma <args>` against `databaseUrl`; rejects with the CLI's output when it fails. */
export function runPrismaCli(args: string[], databaseUrl: string, options: { embedded?: boolean; quiet?: boolean } = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/prisma"), args, {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AMPLY_EMBEDDED_DATABASE: options.embedded ? "1" : "",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : ["inherit", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${output}`))));
  });
}
