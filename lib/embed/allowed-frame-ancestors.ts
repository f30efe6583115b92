// The sites an organisation lists for embedding, as every request for its donation page needs
// them: read from the database at most once per organisation every few seconds per process, so a
// busy embedded page costs no query per view, and a change in Settings applies within that time.
import "server-only";
import { db } from "@/lib/db/client";

const TTL_MS = 10_000;
const MAX_ENTRIES = 1_000;
type Cached = { origins: readonly string[]; until: number };
// Kept on globalThis: the proxy (which sends the header) and the server actions (which forget an
// entry after Settings change) are bundled apart, each with its own copy of this module, but run in
// one process. A module-level map would leave the proxy serving the old list for the full TTL.
const CACHE_KEY = Symbol.for("amply.frameAncestors");
const shared = globalThis as typeof globalThis & { [CACHE_KEY]?: Map<string, Cached> };
const cache = (shared[CACHE_KEY] ??= new Map<string, Cached>());

export async function allowedFrameAncestors(organisationSlug: string, now = Date.now()): Promise<readonly string[]> {
  const cached = cache.get(organisationSlug);
  if (cached && cached.until > now) return cached.origins;
  const organisation = await db.organisation.findUnique({ where: { slug: organisationSlug }, select: { embedOrigins: true } });
  const origins = Object.freeze([...(organisation?.embedOrigins ?? [])]);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(organisationSlug, { origins, until: now + TTL_MS });
  return origins;
}

/** Settings call it after a change, so this process applies the new list at once. */
export function forgetFrameAncestors(organisationSlug: string) {
  cache.delete(organisationSlug);
}
