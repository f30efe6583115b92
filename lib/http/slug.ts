// The addresses of organisations, funds and campaigns in URLs (/give/<slug>). Anything else in
// such a place names nothing: it answers 404 without reaching the database (a NUL byte would
// otherwise make PostgreSQL refuse the query, a 500).
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function isSlug(value: string | undefined | null): value is string {
  return typeof value === "string" && SLUG_PATTERN.test(value);
}
