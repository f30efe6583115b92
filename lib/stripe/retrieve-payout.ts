import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A payout with the balance transactions of its payment and, if it failed, of its return. */
export function retrievePayout(stripeAccount: string, id: string): Promise<Stripe.Payout> {
  return stripe().payouts.retrieve(id, { expand: ["balance_transaction", "failure_balance_transaction"] }, { stripeAccount });
}
