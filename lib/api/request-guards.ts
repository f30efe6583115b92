// What every entry point checks before it trusts a request: the body's size (counted as it is
// read, whatever Content-Length claims) and, for state-changing requests from browsers, that the
// page that sent it is one of Amply's own (Origin equals APP_URL's).
import "server-only";
import { getEnv } from "@/lib/env";
import { ApiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The body as text, refusing more than `maxBytes` without reading further (chunked bodies too). */
export async function readBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new ApiError("payload_too_large", `This request is too large (at most ${Math.floor(maxBytes / 1000)} kB).`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The request body parsed as JSON (400 when it is not). */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const text = await readBody(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError("bad_request", "The request body must be JSON.");
  }
}

/**
 * Cross-site request forgery: a browser always sends Origin with a POST, and another site cannot
 * forge it, so a state-changing request must carry APP_URL's origin (a sibling subdomain is
 * same-site, which is why cookies' SameSite does not suffice).
 */
export function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== new URL(getEnv().APP_URL).origin) {
    throw new ApiError("forbidden", "This request must come from Amply's own pages. Reload the page and try again.");
  }
}
