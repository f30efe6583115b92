import { parseAmount, toDecimalString } from "@/lib/money/amount";
import { MoneyError } from "@/lib/money/currencies";

/** `?amount=` (an embed's `data-amount`) as the form's amount text, or nothing when it does not read as one. */
export function initialAmountText(text: string | undefined, currency: string): string | undefined {
  if (!text || text.length > 20) return undefined;
  try {
    const minor = parseAmount(text, currency);
    return minor > 0 ? toDecimalString(minor, currency) : undefined;
  } catch (error) {
    if (error instanceof MoneyError) return undefined;
    throw error;
  }
}
