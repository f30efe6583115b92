import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * One page (at most 100) of an account's charges created in [gte, lt), newest first, each with its
 * balance transaction expanded (its fee and net are there only then) unless `expandBalanceTransaction`
 * is false (reconciliation reads the balance transactions by themselves, and only needs to know
 * whether there is one). The caller follows `has_more` with `startingAfter`.
 */
export function listChargesPage(
  stripeAccount: string,
  range: { gte: number; lt: number },
  startingAfter?: string,
  { expandBalanceTransaction = true }: { expandBalanceTransaction?: boolean } = {},
): Promise<Stripe.ApiList<Stripe.Charge>> {
  return stripe().charges.list(
    {
      created: range,
      limit: 100,
      ...(expandBalanceTransaction ? { expand: ["data.balance_transaction"] } : {}),
      ...(startingAfter ? { starting_after: startingAfter } : {}),
    },
    { stripeAccount },
  );
}
