import "server-only";
import type Stripe from "stripe";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { actionRequiredEmail } from "@/lib/recurring/installment-emails";
import { defineHandler, ignore } from "../define-handler";
import { readInstallmentInvoice, type InstallmentInvoice } from "../installments";

/** A renewal needs the donor to authenticate (3-D Secure): they are asked once per invoice. */
export const invoicePaymentActionRequired = defineHandler<Stripe.InvoicePaymentActionRequiredEvent, InstallmentInvoice>({
  prepare: (event, context) => readInstallmentInvoice(event, context),
  async apply(tx, _event, { gift, invoice }) {
    // The first payment is authenticated on the page, where the donor is.
    if (invoice.billing_reason === "subscription_create") return ignore("the donor authenticates the first payment on the donation page");
    if (invoice.status !== "open") return ignore(`the invoice is ${invoice.status}`);
    await enqueueEmail(tx, actionRequiredEmail(gift, { id: String(invoice.id), amount_due: invoice.amount_due, currency: invoice.currency }));
  },
});
