import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** Ends a PaymentIntent that will not be paid (Stripe refuses once it is processing or succeeded). */
export function cancelPaymentIntent(
  stripeAccount: string,
  id: string,
  reason: Stripe.PaymentIntentCancelParams.CancellationReason,
): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.cancel(id, { cancellation_reason: reason }, { stripeAccount });
}
