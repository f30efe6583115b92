import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

export function retrievePaymentIntent(stripeAccount: string, id: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.retrieve(id, undefined, { stripeAccount });
}
