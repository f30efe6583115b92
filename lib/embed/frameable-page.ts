// Which pages another site may show in a frame: only the donation page and the page a payment
// comes back to, each under the organisation it belongs to. Everything else stays unframeable.
import { isSlug } from "@/lib/http/slug";

/** The slug of the organisation whose listed sites may frame this address, or null for none. */
export function frameableOrganisation(url: URL): string | null {
  const give = /^\/give\/([^/]+)\/?$/.exec(url.pathname);
  const slug = give ? (give[1] ?? "") : url.pathname === "/donation/complete" ? url.searchParams.get("organisation") : null;
  return isSlug(slug) ? slug : null;
}
