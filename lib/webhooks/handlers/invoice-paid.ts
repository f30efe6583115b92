import "server-only";
import type Stripe from "stripe";
import { defineHandler } from "../define-handler";
import { readPaidInstallment } from "../installments";
import { paidChargeStatement, type PaidCharge } from "../payment-succeeded";

/**
 * An installment is paid (the first payment and every renewal alike; invoice.payment_succeeded says
 * the same): it becomes its own donation, with its receipt and ledger entry, exactly once, by the
 * same statement as a one-off success.
 */
export function invoicePaidHandler<E extends Stripe.InvoicePaidEvent | Stripe.InvoicePaymentSucceededEvent>() {
  return defineHandler<E, PaidCharge>({
    prepare: (event, context) => readPaidInstallment(event, context),
    statement: paidChargeStatement,
  });
}

export const invoicePaid = invoicePaidHandler<Stripe.InvoicePaidEvent>();
export const invoicePaymentSucceeded = invoicePaidHandler<Stripe.InvoicePaymentSucceededEvent>();
