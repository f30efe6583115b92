import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * A subscription on the organisation's connected account, with an idempotency key derived from the
 * recurring gift's id (docs/stripe.md#idempotency-keys).
 */
export function createSubscription(stripeAccount: string, params: Stripe.SubscriptionCreateParams, idempotencyKey: string): Promise<Stripe.Subscription> {
  return stripe().subscriptions.create(params, { stripeAccount, idempotencyKey });
}
