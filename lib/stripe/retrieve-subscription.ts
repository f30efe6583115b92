import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A subscription as Stripe has it now, with its default payment method and its latest invoice's confirmation secret. */
export function retrieveSubscription(stripeAccount: string, id: string): Promise<Stripe.Subscription> {
  return stripe().subscriptions.retrieve(id, { expand: ["default_payment_method", "latest_invoice.confirmation_secret"] }, { stripeAccount });
}
