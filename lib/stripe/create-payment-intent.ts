import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * A PaymentIntent as a direct charge on the organisation's connected account. The idempotency key
 * derives from Amply's own ids, so a retried request can never create a second one
 * (docs/stripe.md#idempotency-keys).
 */
export function createPaymentIntent(stripeAccount: string, params: Stripe.PaymentIntentCreateParams, idempotencyKey: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.create(params, { stripeAccount, idempotencyKey });
}
