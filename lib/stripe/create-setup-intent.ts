import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** Saves a new payment method for a donor's customer on the organisation's account, for later off-session charges. */
export function createSetupIntent(stripeAccount: string, params: Stripe.SetupIntentCreateParams, idempotencyKey: string): Promise<Stripe.SetupIntent> {
  return stripe().setupIntents.create(params, { stripeAccount, idempotencyKey });
}
