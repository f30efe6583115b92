import { readFileSync } from "node:fs";
import path from "node:path";

/** What `scripts/amply.ts e2e` started for this run (sandbox URL and its control key). */
export function e2eRun(): { appUrl: string; sandboxUrl: string; sandboxSecretKey: string } {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", ".amply", "e2e.json"), "utf8"));
}
