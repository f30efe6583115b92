// The first step of a new payment method for a recurring gift (docs/recurring.md#payment-method):
// when an invoice is open (a payment failed), the donor pays that invoice on the page with its
// confirmation secret, which also recovers the gift; otherwise a SetupIntent for the gift's
// customer on the organisation's account saves the new method without charging it. The method
// stays in the gift's fee family (card, or SEPA Direct Debit), so a covered fee stays right.
import "server-only";
import type Stripe from "stripe";
import { createSetupIntent } from "@/lib/stripe/create-setup-intent";
import { retrieveSubscription, WITH_PAYMENT_DETAILS } from "@/lib/stripe/retrieve-subscription";
import type { ManagedGift } from "./authorize-managed-gift";
import { methodType } from "./change-recurring-gift";
import { forGift, liveSubscription } from "./gift-stripe";

export type PaymentMethodStep =
  | { kind: "invoice"; clientSecret: string; invoiceId: string; stripeAccount: string; amount: string; currency: string }
  | { kind: "setup"; clientSecret: string; stripeAccount: string; currency: string };

export async function startPaymentMethodUpdate(gift: NonNullable<ManagedGift>, input: { requestId: string }): Promise<PaymentMethodStep> {
  const { account, subscriptionId } = liveSubscription(gift);
  const subscription = await forGift(gift, () => retrieveSubscription(account, subscriptionId, WITH_PAYMENT_DETAILS));
  const invoice = subscription.latest_invoice;
  if (invoice && typeof invoice === "object" && invoice.status === "open" && invoice.confirmation_secret && invoice.id) {
    return {
      kind: "invoice",
      clientSecret: invoice.confirmation_secret.client_secret,
      invoiceId: invoice.id,
      stripeAccount: account,
      amount: String(invoice.amount_remaining),
      currency: gift.currency,
    };
  }
  const customer = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const setup = await forGift(gift, () =>
    createSetupIntent(
      account,
      {
        customer,
        usage: "off_session",
        allowed_payment_method_types: [methodType(subscription) === "sepa_debit" ? "sepa_debit" : "card"],
        metadata: { recurring_donation_id: gift.id },
      } satisfies Stripe.SetupIntentCreateParams,
      `recurring-setup:${gift.id}:${input.requestId}`,
    ),
  );
  return { kind: "setup", clientSecret: String(setup.client_secret), stripeAccount: account, currency: gift.currency };
}
