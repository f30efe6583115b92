// Stripe's minimum and maximum charge, checked before Stripe is called
// (docs/stripe.md#minimum-and-maximum-charge).
import { formatMoney } from "./amount";
import { getCurrency, MAXIMUM_CHARGE, MoneyError } from "./currencies";

/** Throws a MoneyError a donor can act on when Stripe would refuse this charge amount. */
export function assertChargeable(amount: number, currencyCode: string, locale?: string): void {
  const currency = getCurrency(currencyCode);
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new MoneyError("Enter an amount above zero.", "invalid_amount");
  }
  if (amount % currency.step !== 0) {
    throw new MoneyError(`${currency.code} amounts must be a multiple of ${formatMoney(currency.step, currency.code, locale)}.`, "invalid_amount");
  }
  if (currency.minimumCharge !== null && amount < currency.minimumCharge) {
    throw new MoneyError(`The smallest gift in ${currency.code} is ${formatMoney(currency.minimumCharge, currency.code, locale)}.`, "amount_too_small");
  }
  if (amount > MAXIMUM_CHARGE) {
    throw new MoneyError(
      `The largest gift in ${currency.code} is ${formatMoney(MAXIMUM_CHARGE - (MAXIMUM_CHARGE % currency.step), currency.code, locale)}.`,
      "amount_too_large",
    );
  }
}
