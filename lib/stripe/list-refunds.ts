import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** Every refund of a charge, every page followed, with the given fields expanded. */
export function listChargeRefunds(stripeAccount: string, chargeId: string, expand: string[]): Promise<Stripe.Refund[]> {
  return stripe()
    .refunds.list({ charge: chargeId, limit: 100, expand: expand.map((field) => `data.${field}`) }, { stripeAccount })
    .autoPagingToArray({ limit: 10_000 });
}
