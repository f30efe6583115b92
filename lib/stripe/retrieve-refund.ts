import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A refund with what Amply books from it: its balance transactions and its charge's. */
export function retrieveRefund(stripeAccount: string, id: string, expand: string[]): Promise<Stripe.Refund> {
  return stripe().refunds.retrieve(id, { expand }, { stripeAccount });
}
