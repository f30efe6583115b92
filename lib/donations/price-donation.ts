// Step 2 of a donation: the amounts, checked against Stripe's limits before Stripe is called, with
// the fee grossed up for the method the donor chose when they cover it (docs/stripe.md#fee-gross-up,
// docs/stripe.md#fees-per-payment-method), and the total the donor saw checked against it
// (docs/stripe.md#the-donor-pays-what-they-saw).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { formatMoney } from "@/lib/money/amount";
import { getCurrency, MoneyError } from "@/lib/money/currencies";
import { donationCharge, feeFamilyForMethod, feeRateFor, type FeeRate } from "@/lib/money/fees";
import { assertChargeable } from "@/lib/money/limits";
import type { DonationRequest, PaymentElementMethodType } from "./donation-request";
import { fieldError } from "./resolve-donation-target";

export type DonationAmounts = ReturnType<typeof donationCharge>;

/** The currencies Stripe takes each Payment Element method in; a method not listed takes any. */
const METHOD_CURRENCIES: Partial<Record<PaymentElementMethodType, { label: string; currencies: string[] }>> = {
  sepa_debit: { label: "SEPA Direct Debit", currencies: ["EUR"] },
  ideal: { label: "iDEAL", currencies: ["EUR"] },
  bancontact: { label: "Bancontact", currencies: ["EUR"] },
  eps: { label: "EPS", currencies: ["EUR"] },
  p24: { label: "Przelewy24", currencies: ["EUR", "PLN"] },
};

export function priceDonation(
  request: DonationRequest,
  organisation: { name: string; country: string; acceptedCurrencies: string[]; feeRates: FeeRate[] },
): DonationAmounts {
  if (!organisation.acceptedCurrencies.includes(request.currency)) {
    throw fieldError("currency", `${organisation.name} does not take donations in ${request.currency}. Choose ${organisation.acceptedCurrencies.join(", ")}.`);
  }
  const method = request.method === "payment_element" ? METHOD_CURRENCIES[request.paymentMethodType] : undefined;
  if (method && !method.currencies.includes(request.currency)) {
    throw fieldError("paymentMethodType", `${method.label} takes ${method.currencies.join(" and ")} only. Choose another payment method.`);
  }
  let amounts: DonationAmounts;
  try {
    getCurrency(request.currency);
    assertChargeable(request.amount, request.currency);
    const rate = request.coverFee
      ? feeRateFor(organisation.feeRates, request.currency, feeFamilyForMethod(request.method, request.paymentMethodType))
      : { currency: request.currency, percentBps: 0, fixedMinor: 0 };
    amounts = donationCharge(request.amount, rate, request.coverFee);
  } catch (error) {
    if (error instanceof MoneyError)
      throw fieldError(error.code === "no_fee_rate" ? "coverFee" : error.code === "unsupported_currency" ? "currency" : "amount", error.message);
    throw error;
  }
  if (amounts.chargedAmount !== request.expectedTotal) throw totalChanged(request, amounts, organisation.feeRates);
  return amounts;
}

/**
 * The organisation changed its rates after the page was loaded: nothing is charged that the donor
 * did not see. The answer carries the new figures and the currency's rates, so the page can show
 * the new total (for every method) and ask again.
 */
function totalChanged(request: DonationRequest, amounts: DonationAmounts, rates: FeeRate[]) {
  const now = formatMoney(amounts.chargedAmount, request.currency);
  const shown = formatMoney(request.expectedTotal, request.currency);
  return new ApiError(
    "conflict",
    `The processing fee changed since the page was loaded: your donation is now ${now}, not ${shown}. Check it and press Give again.`,
    {
      reason: "total_changed",
      data: {
        amount: amounts.amount,
        feeCovered: amounts.feeCovered,
        chargedAmount: amounts.chargedAmount,
        currency: request.currency,
        feeRates: rates
          .filter((rate) => rate.currency === request.currency)
          .map(({ currency, family, percentBps, fixedMinor, capMinor }) => ({ currency, family, percentBps, fixedMinor, capMinor: capMinor ?? null })),
      },
    },
  );
}
