import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/** An invoice with the PaymentIntents that paid it (`payments`: the invoice has no payment_intent field any more). */
export function retrieveInvoice(stripeAccount: string, id: string): Promise<Stripe.Invoice> {
  return stripe().invoices.retrieve(id, { expand: ["payments"] }, { stripeAccount });
}
