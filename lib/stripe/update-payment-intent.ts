import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * Changes a PaymentIntent nobody has paid yet. Stripe takes a new amount or currency only while
 * the status is requires_payment_method, requires_confirmation or requires_action.
 */
export function updatePaymentIntent(stripeAccount: string, id: string, params: Stripe.PaymentIntentUpdateParams): Promise<Stripe.PaymentIntent> {
  return stripe().paymentIntents.update(id, params, { stripeAccount });
}
