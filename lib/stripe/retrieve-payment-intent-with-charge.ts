import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** A PaymentIntent with its latest charge and that charge's balance transaction (fee, net) expanded. */
export function retrievePaymentIntentWithCharge(stripeAccount: string, id: string): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.retrieve(id, { expand: ["latest_charge.balance_transaction"] }, { stripeAccount });
}
