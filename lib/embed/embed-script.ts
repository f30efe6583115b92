// The embed script's bytes and their ETag, read once per process from lib/embed/embed-client.js.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

let cached: { body: string; etag: string } | undefined;

export function embedScript(): { body: string; etag: string } {
  if (!cached) {
    const body = readFileSync(path.join(process.cwd(), "lib/embed/embed-client.js"), "utf8");
    cached = { body, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"` };
  }
  return cached;
}
