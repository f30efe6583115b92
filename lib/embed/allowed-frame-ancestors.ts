// The sites an organisation lists for embedding, as every request for its donation page needs
// them: read from the database at most once per organisation every few seconds per process, so a
// busy embedded page costs no query per view, and a change in Settings applies within that time.
import "server-only";
import { db } from "@/lib/db/client";

const TTL_MS = 10_000;
const MAX_ENTRIES = 1_000;
const cache = new Map<string, { origins: readonly string[]; until: number }>();

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
