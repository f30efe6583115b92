import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A connected account as Stripe has it now (its status is never taken from a webhook payload). */
export function retrieveAccount(accountId: string): Promise<Stripe.Account> {
  return stripe().accounts.retrieve(accountId);
}
