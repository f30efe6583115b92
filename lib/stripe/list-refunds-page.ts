import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * One page (at most 100) of an account's refunds created in [gte, lt), newest first. The caller
 * follows `has_more` with `startingAfter`.
 */
export function listRefundsPage(stripeAccount: string, range: { gte: number; lt: number }, startingAfter?: string): Promise<Stripe.ApiList<Stripe.Refund>> {
  return stripe().refunds.list({ created: range, limit: 100, ...(startingAfter ? { starting_after: startingAfter } : {}) }, { stripeAccount });
}
