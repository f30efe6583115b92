import { parseAmount, toDecimalString } from "@/lib/money/amount";
import { MoneyError } from "@/lib/money/currencies";

/**
 * `?amount=` (an embed's `data-amount`) in minor units, or nothing when it does not read as one. It is
 * read the English way whatever the page's language: the snippet is written once for every language.
 */
export function initialAmountMinor(text: string | undefined, currency: string): number | undefined {
  if (!text || text.length > 20) return undefined;
  try {
    const minor = parseAmount(text, currency);
    return minor > 0 ? minor : undefined;
  } catch (error) {
    if (error instanceof MoneyError) return undefined;
    throw error;
  }
}

/** `?amount=` as the form's amount text (English separators), or nothing when it does not read as one. */
export function initialAmountText(text: string | undefined, currency: string): string | undefined {
  const minor = initialAmountMinor(text, currency);
  return minor === undefined ? undefined : toDecimalString(minor, currency);
}
