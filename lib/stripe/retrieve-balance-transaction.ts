import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** One balance transaction of an account (404 when the account has no such transaction). */
export function retrieveBalanceTransaction(stripeAccount: string, id: string): Promise<Stripe.BalanceTransaction> {
  return stripe().balanceTransactions.retrieve(id, undefined, { stripeAccount });
}
