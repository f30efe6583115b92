// The short link (/g/<code>) of one of an organisation's donation pages, made the first time it is
// asked for and the same ever after, so a printed poster keeps working.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { getEnv } from "@/lib/env";
import { generateShortCode } from "./short-code";

export type ShortLink = { code: string; targetPath: string; url: string };

/** Paths a short link may open: the organisation's donation page, with an optional plain query. */
function checkTarget(organisationSlug: string, targetPath: string) {
  const parsed = new URL(targetPath, "http://amply.invalid");
  const own = `/give/${organisationSlug}`;
  if (parsed.origin !== "http://amply.invalid" || parsed.pathname !== own || !targetPath.startsWith(own) || parsed.hash) {
    throw new ApiError("bad_request", "A short link can only open one of this organisation's donation pages.");
  }
  return `${parsed.pathname}${parsed.search}`;
}

export async function shortLinkFor(organisation: { id: string; slug: string }, targetPath: string): Promise<ShortLink> {
  const path = checkTarget(organisation.slug, targetPath);
  const link = (code: string): ShortLink => ({ code, targetPath: path, url: `${getEnv().APP_URL.replace(/\/$/, "")}/g/${code}` });
  const where = { organisationId_targetPath: { organisationId: organisation.id, targetPath: path } };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const existing = await db.shortLink.findUnique({ where, select: { code: true } });
    if (existing) return link(existing.code);
    try {
      const created = await db.shortLink.create({
        data: { organisationId: organisation.id, targetPath: path, code: generateShortCode() },
        select: { code: true },
      });
      return link(created.code);
    } catch (error) {
      // Someone made this page's link at the same moment (read it next time round), or, rarely,
      // the code is taken (draw another).
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`No short link could be made for ${path}`);
}
