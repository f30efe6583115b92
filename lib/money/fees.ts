// Estimating Stripe's processing fee and grossing up a gift so that the organisation receives it
// whole when the donor covers the fee. Integer arithmetic only. See docs/stripe.md#fee-gross-up
// and docs/stripe.md#fees-are-an-estimate.
import { getCurrency, MAXIMUM_CHARGE, MoneyError } from "./currencies";
import { formatMoney } from "./amount";

/** An organisation's Stripe pricing in one currency: percentage in basis points + fixed part. */
export type FeeRate = { currency: string; percentBps: number; fixedMinor: number };

/** Rates a new organisation starts with (Stripe's standard European and US card pricing). */
export const DEFAULT_FEE_RATES: readonly FeeRate[] = [
  { currency: "EUR", percentBps: 150, fixedMinor: 25 },
  { currency: "GBP", percentBps: 150, fixedMinor: 20 },
  { currency: "USD", percentBps: 290, fixedMinor: 30 },
  { currency: "CHF", percentBps: 290, fixedMinor: 30 },
];

/** The rate for a currency from an organisation's rates; a currency without one is an error. */
export function feeRateFor(rates: readonly FeeRate[], currencyCode: string): FeeRate {
  const currency = getCurrency(currencyCode);
  const rate = rates.find((candidate) => candidate.currency.toUpperCase() === currency.code);
  if (!rate) {
    throw new MoneyError(`No processing fee rate is set for ${currency.code}; the organisation must add one first.`, "no_fee_rate");
  }
  return rate;
}

/** Stripe's fee on a charge: round_half_up(charge * pct + fixed), in minor units. */
export function estimateFee(charge: number, rate: FeeRate): number {
  assertMinorUnits(charge);
  // charge * bps / 10000, rounded half up, without leaving integers.
  const percentPart = Math.floor((charge * rate.percentBps + 5_000) / 10_000);
  return percentPart + rate.fixedMinor;
}

/**
 * The smallest valid charge g (a multiple of the currency's step) with g - fee(g) >= amount.
 * g - fee(g) never decreases as g grows, so the search walks from the closed-form estimate
 * (amount + fixed) / (1 - pct) to the exact answer in a step or two.
 */
export function grossUp(amount: number, rate: FeeRate): number {
  assertMinorUnits(amount);
  const { step } = getCurrency(rate.currency);
  const nets = (charge: number) => charge - estimateFee(charge, rate) >= amount;
  const roundUpToStep = (value: number) => Math.ceil(value / step) * step;

  let charge = roundUpToStep(Math.ceil(((amount + rate.fixedMinor) * 10_000) / (10_000 - rate.percentBps)));
  while (!nets(charge)) charge += step;
  while (charge - step >= amount && nets(charge - step)) charge -= step;
  return charge;
}

/** The amounts of a gift: what the donor is charged, and the estimated fee they cover. */
export function donationCharge(amount: number, rate: FeeRate, coverFee: boolean) {
  const chargedAmount = coverFee ? grossUp(amount, rate) : amount;
  if (chargedAmount > MAXIMUM_CHARGE) {
    throw new MoneyError(
      `With the fee covered this gift would be ${formatMoney(chargedAmount, rate.currency)}, above the largest amount a card payment can take.`,
      "amount_too_large",
    );
  }
  return { amount, feeCovered: chargedAmount - amount, chargedAmount, estimatedFee: estimateFee(chargedAmount, rate) };
}

function assertMinorUnits(value: number) {
  if (!Number.isSafeInteger(value) || value < 0) throw new MoneyError("Amounts are whole numbers of minor units.", "invalid_amount");
}
