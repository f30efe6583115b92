import "server-only";
import { allowedFrameAncestors } from "./allowed-frame-ancestors";
import { embedContextFrom, type EmbedContext, type EmbedQuery } from "./embed-context";

/** The page's embedding for a request: the organisation's listed sites come through the proxy's cache. */
export async function embedContextFor(organisationSlug: string, query: EmbedQuery): Promise<EmbedContext | null> {
  if (!query.embed && !query.return_to) return null;
  return embedContextFrom(await allowedFrameAncestors(organisationSlug), query);
}
