import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * An invoice with its payments: since API 2025-03-31 the invoice names its PaymentIntents only in
 * `payments`, and only when expanded (docs/stripe.md#recurring-gifts).
 */
export function retrieveInvoiceWithPayments(stripeAccount: string, id: string): Promise<Stripe.Invoice> {
  return stripe().invoices.retrieve(id, { expand: ["payments"] }, { stripeAccount });
}
