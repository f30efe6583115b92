import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A subscription as Stripe has it now, optionally with its latest invoice's confirmation secret and payments. */
export function retrieveSubscription(stripeAccount: string, id: string, expand: string[] = []): Promise<Stripe.Subscription> {
  return stripe().subscriptions.retrieve(id, expand.length ? { expand } : undefined, { stripeAccount });
}

/** What the donor's manage page needs with a subscription: its payment method and any open invoice's secret. */
export const WITH_PAYMENT_DETAILS = ["default_payment_method", "latest_invoice.confirmation_secret"];
