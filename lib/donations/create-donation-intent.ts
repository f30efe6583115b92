// Step 4 of a new donation: its PaymentIntent, a direct charge on the organisation's own account
// (docs/stripe.md#direct-charges-on-standard-accounts). Nothing is stored until Stripe has accepted it.
import "server-only";
import type Stripe from "stripe";
import { createPaymentIntent } from "@/lib/stripe/create-payment-intent";
import { donorFacingStripeError, isPaymentMethodRefused } from "@/lib/stripe/errors";
import { bankTransferOptions } from "./bank-transfer";
import { bankTransferRefused, transferAccountOf } from "./check-bank-transfer";
import type { DonationRequest } from "./donation-request";
import { findOrCreateStripeCustomer } from "./find-or-create-stripe-customer";
import type { DonationAmounts } from "./price-donation";
import type { DonationTarget } from "./resolve-donation-target";
import { statementDescriptorSuffix } from "./statement-descriptor";
import type { StripeClock } from "./stripe-clock";

type Donor = { id: string; email: string };

/** What a donation's PaymentIntent carries about it; the webhooks find the donation by `donation_id`. */
export function donationIntentMetadata(donationId: string, request: DonationRequest, target: DonationTarget, donor: { id: string }): Record<string, string> {
  const { organisation, fund, campaign } = target;
  return {
    donation_id: donationId,
    organisation_id: organisation.id,
    donor_id: donor.id,
    cover_fees: String(request.coverFee),
    ...(fund ? { fund_id: fund.id } : {}),
    ...(campaign ? { campaign_id: campaign.id } : {}),
  };
}

/**
 * `idempotencyKey` is `<donation id>:intent` for a donation's first PaymentIntent; a retry that
 * has to replace it passes a key of its own (derived from the one it replaces).
 */
export async function createDonationIntent(
  input: {
    donationId: string;
    request: DonationRequest;
    amounts: DonationAmounts;
    target: DonationTarget;
    donor: Donor;
    donorName: string | null;
    idempotencyKey?: string;
  },
  clock: StripeClock,
): Promise<Stripe.PaymentIntent> {
  const { donationId, request, amounts, target, donor } = input;
  const { organisation, stripeAccount } = target;
  const metadata = donationIntentMetadata(donationId, request, target, donor);
  const idempotencyKey = input.idempotencyKey ?? `${donationId}:intent`;
  try {
    if (request.method !== "bank_transfer") {
      return await clock.time(() =>
        createPaymentIntent(
          stripeAccount,
          {
            amount: amounts.chargedAmount,
            currency: request.currency.toLowerCase(),
            // Only the method whose fee the donor covered: confirming with another type fails at
            // Stripe, so nobody pays by card at SEPA's rate (docs/stripe.md#fees-per-payment-method).
            allowed_payment_method_types: [request.paymentMethodType],
            description: `Donation to ${organisation.name}`,
            statement_descriptor_suffix: statementDescriptorSuffix(organisation.name),
            // No receipt_email: Amply sends the one receipt (docs/stripe.md#one-receipt-from-amply).
            metadata,
          },
          idempotencyKey,
        ),
      );
    }
    const customer = await findOrCreateStripeCustomer(donor, stripeAccount, input.donorName, clock);
    return await clock.time(() =>
      createPaymentIntent(
        stripeAccount,
        {
          amount: amounts.chargedAmount,
          currency: request.currency.toLowerCase(),
          customer,
          // One method forced: allowed_payment_method_types, never with automatic ones (docs/stripe.md#choosing-payment-methods).
          allowed_payment_method_types: ["customer_balance"],
          payment_method_data: { type: "customer_balance" },
          payment_method_options: {
            customer_balance: {
              funding_type: "bank_transfer",
              bank_transfer: bankTransferOptions(request.currency, transferAccountOf(organisation)) ?? undefined,
            },
          },
          confirm: true,
          description: `Donation to ${organisation.name}`,
          metadata,
        },
        idempotencyKey,
      ),
    );
  } catch (error) {
    // Stripe knows the account better than Amply's last look at it (a capability lost since).
    if (request.method === "bank_transfer" && isPaymentMethodRefused(error)) throw bankTransferRefused(organisation);
    throw donorFacingStripeError(error, request.currency);
  }
}
