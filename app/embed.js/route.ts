// GET /embed.js - the script organisations paste on their own sites to show the donation form
// One stable address for every snippet ever copied, so no version in it: cached for a day (and
// served stale for a week while revalidating), then revalidated cheaply by its ETag
// (docs/embedding.md#the-script).
import { embedScript } from "@/lib/embed/embed-script";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const { body, etag } = embedScript();
  const headers = {
    "Content-Type": "text/javascript; charset=utf-8",
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    ETag: etag,
    // Loaded by <script> from other sites, including ones that isolate themselves (COEP).
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  const matches = (request.headers.get("if-none-match") ?? "").split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  if (matches) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
