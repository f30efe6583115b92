import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A charge with its balance transaction (fee, net and settlement currency) expanded. */
export function retrieveChargeWithBalance(stripeAccount: string, id: string): Promise<Stripe.Charge> {
  return stripe().charges.retrieve(id, { expand: ["balance_transaction"] }, { stripeAccount });
}
