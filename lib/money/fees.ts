// Estimating Stripe's processing fee and grossing up a gift so that the organisation receives it
// whole when the donor covers the fee. Integer arithmetic only. See docs/stripe.md#fee-gross-up
// and docs/stripe.md#fees-are-an-estimate.
import { getCurrency, MAXIMUM_CHARGE, MoneyError } from "./currencies";
import { formatMoney } from "./amount";

/**
 * Stripe prices payment methods differently: cards (and wallets and the other methods of the Payment
 * Element, which Amply estimates at the card rate), SEPA Direct Debit, and bank transfers.
 * See docs/stripe.md#fees-per-payment-method.
 */
export const FEE_FAMILIES = ["card", "sepa_debit", "bank_transfer"] as const;
export type FeeFamily = (typeof FEE_FAMILIES)[number];

/**
 * The family whose rate a covered fee is estimated at: bank transfer, or the type chosen in the
 * Payment Element (SEPA Direct Debit has its own pricing; cards, wallets and the rest use the card rate).
 */
export function feeFamilyForMethod(method: "payment_element" | "bank_transfer", paymentMethodType: string): FeeFamily {
  if (method === "bank_transfer") return "bank_transfer";
  return paymentMethodType === "sepa_debit" ? "sepa_debit" : "card";
}

export const FEE_FAMILY_LABELS: Record<FeeFamily, string> = {
  card: "Cards and other methods",
  sepa_debit: "SEPA Direct Debit",
  bank_transfer: "Bank transfer",
};

/**
 * An organisation's Stripe pricing for one family of payment methods in one currency: percentage in
 * basis points + fixed part, the total capped at `capMinor` when set (bank transfers are).
 */
export type FeeRate = { currency: string; family?: FeeFamily; percentBps: number; fixedMinor: number; capMinor?: number | null };

/**
 * Rates a new organisation starts with, from Stripe's public standard pricing for accounts in the
 * currency's home market: cards 1.5% + 0.25 EUR (EEA), 1.5% + 0.20 GBP (UK), 2.9% + 0.30 USD (US),
 * 2.9% + 0.30 CHF (Switzerland); SEPA Direct Debit 0.35 EUR; bank transfers 0.5% capped at 5.00.
 */
export const DEFAULT_FEE_RATES: readonly (FeeRate & { family: FeeFamily; capMinor: number | null })[] = [
  { currency: "EUR", family: "card", percentBps: 150, fixedMinor: 25, capMinor: null },
  { currency: "GBP", family: "card", percentBps: 150, fixedMinor: 20, capMinor: null },
  { currency: "USD", family: "card", percentBps: 290, fixedMinor: 30, capMinor: null },
  { currency: "CHF", family: "card", percentBps: 290, fixedMinor: 30, capMinor: null },
  { currency: "EUR", family: "sepa_debit", percentBps: 0, fixedMinor: 35, capMinor: null },
  { currency: "EUR", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
  { currency: "GBP", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
  { currency: "USD", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
];

/** The rate for a currency and method family from an organisation's rates; none set is an error, never another's rate. */
export function feeRateFor(rates: readonly FeeRate[], currencyCode: string, family: FeeFamily = "card"): FeeRate {
  const currency = getCurrency(currencyCode);
  const rate = rates.find((candidate) => candidate.currency.toUpperCase() === currency.code && (candidate.family ?? "card") === family);
  if (!rate) {
    const method = family === "card" ? "" : `${FEE_FAMILY_LABELS[family]} `;
    throw new MoneyError(`No ${method}processing fee rate is set for ${currency.code}; the organisation must add one first.`, "no_fee_rate");
  }
  return rate;
}

/** Stripe's fee on a charge: round_half_up(charge * pct + fixed), at most the cap, in minor units. */
export function estimateFee(charge: number, rate: FeeRate): number {
  assertMinorUnits(charge);
  // charge * bps / 10000, rounded half up, without leaving integers.
  const percentPart = Math.floor((charge * rate.percentBps + 5_000) / 10_000);
  const fee = percentPart + rate.fixedMinor;
  return rate.capMinor == null ? fee : Math.min(fee, rate.capMinor);
}

/**
 * The smallest valid charge g (a multiple of the currency's step) with g - fee(g) >= amount.
 * g - fee(g) never decreases as g grows, so the search walks from the closed-form estimate
 * (amount + fixed) / (1 - pct) to the exact answer in a step or two. With a cap, amount + cap
 * always nets enough, so the walk starts from whichever is lower and stays short for large gifts.
 */
export function grossUp(amount: number, rate: FeeRate): number {
  assertMinorUnits(amount);
  const { step } = getCurrency(rate.currency);
  const nets = (charge: number) => charge - estimateFee(charge, rate) >= amount;
  const roundUpToStep = (value: number) => Math.ceil(value / step) * step;

  const closedForm = Math.ceil(((amount + rate.fixedMinor) * 10_000) / (10_000 - rate.percentBps));
  let charge = roundUpToStep(rate.capMinor == null ? closedForm : Math.min(closedForm, amount + rate.capMinor));
  while (!nets(charge)) charge += step;
  while (charge - step >= amount && nets(charge - step)) charge -= step;
  return charge;
}

/** The amounts of a gift: what the donor is charged, and the estimated fee they cover. */
export function donationCharge(amount: number, rate: FeeRate, coverFee: boolean) {
  const chargedAmount = coverFee ? grossUp(amount, rate) : amount;
  if (chargedAmount > MAXIMUM_CHARGE) {
    throw new MoneyError(
      `With the fee covered this gift would be ${formatMoney(chargedAmount, rate.currency)}, above the largest amount a payment can take.`,
      "amount_too_large",
    );
  }
  return { amount, feeCovered: chargedAmount - amount, chargedAmount, estimatedFee: estimateFee(chargedAmount, rate) };
}

function assertMinorUnits(value: number) {
  if (!Number.isSafeInteger(value) || value < 0) throw new MoneyError("Amounts are whole numbers of minor units.", "invalid_amount");
}
