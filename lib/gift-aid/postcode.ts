// UK postcodes as HMRC's Gift Aid schedule wants them: capitals, one space before the inward code
// (the last three characters), e.g. "S19 2BD". Donors living outside the UK are "X".

/** The postcode the schedule takes for a donor who lives outside the UK. */
export const NON_UK_POSTCODE = "X";

// Outward code: one or two letters, then a digit, then an optional letter or digit; inward code: a
// digit and two letters. Covers every current form (A9, A99, AA9, AA99, A9A, AA9A) and GIR 0AA.
const UK_POSTCODE = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?|GIR) ?[0-9][A-Z]{2}$/;

/** "sw1a1aa", " Sw1A  1aA " -> "SW1A 1AA"; anything that is not a UK postcode -> null. */
export function normaliseUkPostcode(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s+/g, "");
  if (!UK_POSTCODE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}
