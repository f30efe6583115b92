import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const e2eRunFile = z.object({ appUrl: z.string(), sandboxUrl: z.string(), sandboxSecretKey: z.string() });

/** What `scripts/amply.ts e2e` started for this run (sandbox URL and its control key). */
export function e2eRun(): z.infer<typeof e2eRunFile> {
  return e2eRunFile.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "..", ".amply", "e2e.json"), "utf8")));
}
