import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A customer on the organisation's connected account (a customer belongs to one account only). */
export function createCustomer(stripeAccount: string, params: Stripe.CustomerCreateParams, idempotencyKey: string): Promise<Stripe.Customer> {
  return stripe().customers.create(params, { stripeAccount, idempotencyKey });
}
