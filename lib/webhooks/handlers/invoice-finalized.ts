import "server-only";
import type Stripe from "stripe";
import { defineHandler, ignore } from "../define-handler";
import { ensureInstallment, readInstallmentInvoice, type InstallmentInvoice } from "../installments";

/**
 * An installment is due: its donation is recorded, pending, with the invoice's PaymentIntent, so
 * the payment's own events (SEPA `processing`, a capture's `charge.updated`), which do not name the
 * invoice, find it.
 */
export const invoiceFinalized = defineHandler<Stripe.InvoiceFinalizedEvent, InstallmentInvoice>({
  prepare: (event, context) => readInstallmentInvoice(event, context),
  async apply(tx, _event, prepared) {
    if (prepared.invoice.amount_due === 0) return ignore("nothing is due on this invoice");
    if (prepared.invoice.status === "void") return ignore("the invoice was voided");
    await ensureInstallment(tx, prepared.gift, prepared.invoice, prepared.paymentIntentId);
  },
});
