// Step 2 of a donation: the amounts, checked against Stripe's limits before Stripe is called, with
// the fee grossed up when the donor covers it (docs/stripe.md#fee-gross-up).
import "server-only";
import { getCurrency, MoneyError } from "@/lib/money/currencies";
import { donationCharge, feeRateFor, type FeeRate } from "@/lib/money/fees";
import { assertChargeable } from "@/lib/money/limits";
import type { DonationRequest } from "./donation-request";
import { fieldError } from "./resolve-donation-target";

export type DonationAmounts = ReturnType<typeof donationCharge>;

export function priceDonation(
  request: DonationRequest,
  organisation: { name: string; country: string; acceptedCurrencies: string[]; feeRates: FeeRate[] },
): DonationAmounts {
  if (!organisation.acceptedCurrencies.includes(request.currency)) {
    throw fieldError("currency", `${organisation.name} does not take donations in ${request.currency}. Choose ${organisation.acceptedCurrencies.join(", ")}.`);
  }
  let amounts: DonationAmounts;
  try {
    getCurrency(request.currency);
    assertChargeable(request.amount, request.currency);
    const rate = request.coverFee ? feeRateFor(organisation.feeRates, request.currency) : { currency: request.currency, percentBps: 0, fixedMinor: 0 };
    amounts = donationCharge(request.amount, rate, request.coverFee);
  } catch (error) {
    if (error instanceof MoneyError)
      throw fieldError(error.code === "no_fee_rate" ? "coverFee" : error.code === "unsupported_currency" ? "currency" : "amount", error.message);
    throw error;
  }
  return amounts;
}
