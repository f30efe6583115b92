import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A subscription as Stripe has it now, optionally with its latest invoice's confirmation secret and payments. */
export function retrieveSubscription(stripeAccount: string, id: string, expand: string[] = []): Promise<Stripe.Subscription> {
  return stripe().subscriptions.retrieve(id, expand.length ? { expand } : undefined, { stripeAccount });
}
