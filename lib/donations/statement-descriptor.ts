// The suffix a donor sees on a card statement after the account's prefix
// (docs/stripe.md#statement-descriptor-suffix): prefix + "* " + suffix fits in 22 characters,
// Latin letters only, none of < > \ ' " *. Sanitised, not just cut: accents are folded
// ("Crèche" -> "CRECHE"), other characters dropped, words kept whole where they fit. Suffixes
// apply to card charges only.
const FORBIDDEN = /[<>\\'"*]/g;

export function statementDescriptorSuffix(name: string, prefixLength = 10): string | undefined {
  const room = Math.max(0, 22 - prefixLength - 2);
  const latin = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(FORBIDDEN, "")
    .replace(/[^A-Za-z0-9 .,&-]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
  if (!/[A-Z]/.test(latin)) return undefined;
  if (latin.length <= room) return latin;
  let out = "";
  for (const word of latin.split(" ")) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > room) break;
    out = next;
  }
  return (out || latin.slice(0, room)).trim() || undefined;
}
