// Step 4 of a new donation: its PaymentIntent, a direct charge on the organisation's own account
// (docs/stripe.md#direct-charges-on-standard-accounts). Nothing is stored until Stripe has accepted it.
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { createCustomer } from "@/lib/stripe/create-customer";
import { createPaymentIntent } from "@/lib/stripe/create-payment-intent";
import { donorFacingStripeError } from "@/lib/stripe/errors";
import { bankTransferOptions } from "./bank-transfer";
import type { DonationRequest } from "./donation-request";
import type { DonationAmounts } from "./price-donation";
import type { DonationTarget } from "./resolve-donation-target";
import { statementDescriptorSuffix } from "./statement-descriptor";
import type { StripeClock } from "./stripe-clock";

type Donor = { id: string; email: string; stripeCustomerId: string | null };

export async function createDonationIntent(
  input: { donationId: string; request: DonationRequest; amounts: DonationAmounts; target: DonationTarget; donor: Donor; donorName: string | null },
  clock: StripeClock,
): Promise<Stripe.PaymentIntent> {
  const { donationId, request, amounts, target, donor } = input;
  const { organisation, fund, campaign, stripeAccount } = target;
  const metadata: Record<string, string> = {
    donation_id: donationId,
    organisation_id: organisation.id,
    donor_id: donor.id,
    cover_fees: String(request.coverFee),
    ...(fund ? { fund_id: fund.id } : {}),
    ...(campaign ? { campaign_id: campaign.id } : {}),
  };
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
          `${donationId}:intent`,
        ),
      );
    }
    let customerId = donor.stripeCustomerId;
    if (!customerId) {
      const customer = await clock.time(() =>
        createCustomer(stripeAccount, { email: donor.email, name: input.donorName ?? undefined, metadata: { donor_id: donor.id } }, `${donor.id}:customer`),
      );
      customerId = customer.id;
      await db.donor.update({ where: { id: donor.id }, data: { stripeCustomerId: customerId } });
    }
    const customer = customerId;
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
            customer_balance: { funding_type: "bank_transfer", bank_transfer: bankTransferOptions(request.currency, organisation.country) ?? undefined },
          },
          confirm: true,
          description: `Donation to ${organisation.name}`,
          metadata,
        },
        `${donationId}:intent`,
      ),
    );
  } catch (error) {
    throw donorFacingStripeError(error, request.currency);
  }
}
