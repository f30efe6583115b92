import { parseAmount, toDecimalString } from "@/lib/money/amount";
import { getCurrency, MoneyError } from "@/lib/money/currencies";
import { donationCharge, type FeeFamily, type FeeRate } from "@/lib/money/fees";
import { assertChargeable } from "@/lib/money/limits";

/** The suggested amounts for a currency, in minor units: a campaign's own, or Amply's defaults. */
export function presetsFor(currency: string, own?: Readonly<Record<string, readonly number[]>>): number[] {
  const chosen = own?.[currency];
  if (chosen?.length) return [...chosen];
  const { exponent } = getCurrency(currency);
  const whole = exponent === 0 ? [1000, 2500, 5000, 10000] : [10, 25, 50, 100];
  return whole.map((unit) => parseAmount(String(unit), currency));
}

/** An amount as the amount field shows it in a language: "25,00" in German, "25.00" in English (no symbol, no grouping). */
export function amountInputText(amount: number, currency: string, intlLocale: string): string {
  const decimal = new Intl.NumberFormat(intlLocale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
  return toDecimalString(amount, currency).replace(".", decimal);
}

export type DonationFigures = ReturnType<typeof donationFigures>;

/**
 * What the typed amount is, and what the donor is charged paying with `family`, or why it cannot be
 * given. The amount is read in the page's language (`intlLocale`): "25,50" is 25.50 in German.
 */
export function donationFigures(
  amountText: string,
  currency: string,
  coverFee: boolean,
  rates: readonly FeeRate[],
  family: FeeFamily = "card",
  intlLocale = "en-GB",
) {
  const rateFor = (r: FeeRate) => r.currency === currency && (r.family ?? "card") === family;
  try {
    const amount = parseAmount(amountText, currency, intlLocale);
    assertChargeable(amount, currency, intlLocale);
    const rate = rates.find(rateFor);
    // The extra the fee cover would add, shown whether or not it is ticked (covering it may push a
    // gift over the maximum: an error only when the donor does cover it).
    let covered: ReturnType<typeof donationCharge> | null = null;
    try {
      covered = rate ? donationCharge(amount, rate, true) : null;
    } catch (error) {
      if (coverFee) throw error;
    }
    const charged = coverFee && covered ? covered.chargedAmount : amount;
    return { ok: true as const, amount, chargedAmount: charged, feeExtra: covered?.feeCovered ?? 0, canCoverFee: Boolean(rate) };
  } catch (error) {
    // The code lets the page word the reason in the donor's language; the message is English.
    if (error instanceof MoneyError) return { ok: false as const, error: error.message, code: error.code, canCoverFee: rates.some(rateFor) };
    throw error;
  }
}
