// A donation page shown in a frame on an organisation's site learns that site from its address
// (`embed`, and `return_to`, the page to come back to after a bank that cannot be framed). The
// address can say anything: both are used only when they are sites the organisation lists, so the
// page posts its height to no one else and sends no donor anywhere else.

/** `parentOrigin` when framed; `returnTo` also at the top level, where a framed page sends a bank payment. */
export type EmbedContext = { parentOrigin: string | null; returnTo: string | null };

export type EmbedQuery = { embed?: string | string[]; return_to?: string | string[] };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

function listedUrl(origins: readonly string[], text: string | undefined): URL | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return origins.includes(url.origin) ? url : null;
  } catch {
    return null;
  }
}

export function embedContextFrom(origins: readonly string[], query: EmbedQuery): EmbedContext | null {
  const parent = listedUrl(origins, single(query.embed));
  const parentOrigin = parent && parent.href === `${parent.origin}/` ? parent.origin : null;
  const back = listedUrl(origins, single(query.return_to));
  if (back) back.hash = "";
  return parentOrigin || back ? { parentOrigin, returnTo: back ? back.href : null } : null;
}

/** The organisation's page with what happened to the gift, for its own page to show if it wants. */
export function returnToWithOutcome(returnTo: string, outcome: string): string {
  const url = new URL(returnTo);
  url.searchParams.delete("amply_donation");
  url.searchParams.set("amply_donation", outcome);
  return url.href;
}
