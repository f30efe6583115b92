import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** Ends a recurring gift at once: no further invoices, nothing prorated or refunded. */
export function cancelSubscription(stripeAccount: string, id: string, comment: string | null, idempotencyKey: string): Promise<Stripe.Subscription> {
  return stripe().subscriptions.cancel(id, { cancellation_details: { feedback: "other", ...(comment ? { comment } : {}) } }, { stripeAccount, idempotencyKey });
}
