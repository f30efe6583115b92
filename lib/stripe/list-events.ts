import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * One page of a connected account's events created from `since` on, newest first as Stripe lists
 * them, after `startingAfter` when given. Each event keeps the API version it was created with.
 */
export function listEventsPage(
  stripeAccount: string,
  options: { since: Date; startingAfter?: string | null; limit?: number },
): Promise<Stripe.ApiList<Stripe.Event>> {
  return stripe().events.list(
    {
      created: { gte: Math.floor(options.since.getTime() / 1000) },
      limit: options.limit ?? 100,
      ...(options.startingAfter ? { starting_after: options.startingAfter } : {}),
    },
    { stripeAccount },
  );
}
