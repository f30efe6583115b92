import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

export function retrieveSetupIntent(stripeAccount: string, id: string): Promise<Stripe.SetupIntent> {
  return stripe().setupIntents.retrieve(id, undefined, { stripeAccount });
}
