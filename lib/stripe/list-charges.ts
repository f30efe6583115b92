import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * One page (at most 100) of an account's charges created in [gte, lt), newest first, each with its
 * balance transaction expanded (its fee and net are there only then). The caller follows
 * `has_more` with `startingAfter`.
 */
export function listChargesPage(stripeAccount: string, range: { gte: number; lt: number }, startingAfter?: string): Promise<Stripe.ApiList<Stripe.Charge>> {
  return stripe().charges.list(
    { created: range, limit: 100, expand: ["data.balance_transaction"], ...(startingAfter ? { starting_after: startingAfter } : {}) },
    { stripeAccount },
  );
}
