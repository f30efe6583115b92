import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** Changes a recurring gift's subscription on the organisation's account (docs/recurring.md#changes). */
export function updateSubscription(
  stripeAccount: string,
  id: string,
  params: Stripe.SubscriptionUpdateParams,
  idempotencyKey: string,
): Promise<Stripe.Subscription> {
  return stripe().subscriptions.update(id, params, { stripeAccount, idempotencyKey });
}
