// The sites an organisation lets show its donation page in a frame. Each is stored as an origin
// (scheme://host[:port]) and goes into the page's `frame-ancestors` as it is, so nothing that could
// bend the policy (wildcards, paths, spaces, semicolons) is ever accepted
// (docs/embedding.md#allowed-origins).

export type EmbedOriginOptions = {
  /** http for localhost and loopback addresses: only with the offline sandbox (local tests). */
  allowLoopbackHttp: boolean;
};

export const MAX_EMBED_ORIGINS = 20;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

type Result = { ok: true; origin: string } | { ok: false; error: string };

/** "https://www.Example.org/" -> "https://www.example.org", or why it cannot be an allowed site. */
export function normaliseEmbedOrigin(text: string, options: EmbedOriginOptions): Result {
  const trimmed = text.trim();
  const refuse = (why: string): Result => ({ ok: false, error: `"${trimmed}" ${why}` });
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s*;,'"]+$/i.test(trimmed)) return refuse("is not a web address like https://www.example.org.");
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse("is not a web address like https://www.example.org.");
  }
  if (url.username || url.password) return refuse("must not contain a user name or password.");
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || /[?#]/.test(trimmed))
    return refuse("must be the site's address alone, without a page path: like https://www.example.org.");
  if (url.protocol === "http:") {
    if (!options.allowLoopbackHttp || !LOOPBACK_HOSTS.has(url.hostname)) return refuse("must start with https://.");
  } else if (url.protocol !== "https:") return refuse("must start with https://.");
  if (!url.hostname) return refuse("has no host name.");
  return { ok: true, origin: url.origin };
}

/** The settings field: origins one per line (or separated by spaces or commas), deduplicated. */
export function parseEmbedOrigins(text: string, options: EmbedOriginOptions): { ok: true; origins: string[] } | { ok: false; error: string } {
  const origins: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const read = normaliseEmbedOrigin(entry, options);
    if (!read.ok) return read;
    if (!origins.includes(read.origin)) origins.push(read.origin);
  }
  if (origins.length > MAX_EMBED_ORIGINS) return { ok: false, error: `List at most ${MAX_EMBED_ORIGINS} sites.` };
  return { ok: true, origins };
}
