import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A product on the organisation's connected account (a product exists on that account only). */
export function createProduct(stripeAccount: string, params: Stripe.ProductCreateParams, idempotencyKey: string): Promise<Stripe.Product> {
  return stripe().products.create(params, { stripeAccount, idempotencyKey });
}
