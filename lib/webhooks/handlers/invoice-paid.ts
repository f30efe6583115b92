import "server-only";
import type Stripe from "stripe";
import { defineHandler } from "../define-handler";
import { bookPaidInstallment, readInstallmentInvoice, type InstallmentInvoice } from "../installments";

/**
 * An installment is paid (the first payment and every renewal alike; invoice.payment_succeeded says
 * the same): it becomes its own donation, with its receipt and ledger entry, exactly once.
 */
export function invoicePaidHandler<E extends Stripe.InvoicePaidEvent | Stripe.InvoicePaymentSucceededEvent>() {
  return defineHandler<E, InstallmentInvoice>({
    prepare: (event, context) => readInstallmentInvoice(event, context, { charge: true }),
    apply: (tx, event, prepared) => bookPaidInstallment(tx, event, prepared),
  });
}

export const invoicePaid = invoicePaidHandler<Stripe.InvoicePaidEvent>();
export const invoicePaymentSucceeded = invoicePaidHandler<Stripe.InvoicePaymentSucceededEvent>();
