import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

export function retrieveDispute(stripeAccount: string, id: string): Promise<Stripe.Dispute> {
  return stripe().disputes.retrieve(id, undefined, { stripeAccount });
}
