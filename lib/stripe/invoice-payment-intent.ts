import type Stripe from "stripe";
import { idOf } from "./ids";

/**
 * The PaymentIntent that pays an invoice (its default payment), from `invoice.payments`: since API
 * 2025-03-31 the invoice has no `payment_intent`, and `payments` is there only when expanded.
 */
export function invoicePaymentIntentId(invoice: Stripe.Invoice): string | null {
  const payments = invoice.payments?.data ?? [];
  const payment = payments.find((each) => each.is_default) ?? payments[0];
  return idOf(payment?.payment.payment_intent ?? null);
}
