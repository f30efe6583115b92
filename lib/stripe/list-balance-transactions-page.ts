import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * One page (at most 100) of an account's balance transactions created in [gte, lt), newest first:
 * every movement of its money (charges, refunds, dispute adjustments, payouts, fees). The caller
 * follows `has_more` with `startingAfter`.
 */
export function listBalanceTransactionsPage(
  stripeAccount: string,
  range: { gte: number; lt: number },
  startingAfter?: string,
): Promise<Stripe.ApiList<Stripe.BalanceTransaction>> {
  return stripe().balanceTransactions.list({ created: range, limit: 100, ...(startingAfter ? { starting_after: startingAfter } : {}) }, { stripeAccount });
}
