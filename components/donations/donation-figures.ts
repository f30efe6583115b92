import { parseAmount } from "@/lib/money/amount";
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

export type DonationFigures = ReturnType<typeof donationFigures>;

/** What the typed amount is, and what the donor is charged paying with `family`, or why it cannot be given. */
export function donationFigures(amountText: string, currency: string, coverFee: boolean, rates: readonly FeeRate[], family: FeeFamily = "card") {
  const rateFor = (r: FeeRate) => r.currency === currency && (r.family ?? "card") === family;
  try {
    const amount = parseAmount(amountText, currency, typeof navigator === "undefined" ? "en-GB" : navigator.language);
    assertChargeable(amount, currency);
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
    if (error instanceof MoneyError) return { ok: false as const, error: error.message, canCoverFee: rates.some(rateFor) };
    throw error;
  }
}
