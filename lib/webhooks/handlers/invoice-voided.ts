import "server-only";
import type Stripe from "stripe";
import { defineHandler, ignore } from "../define-handler";
import { readInstallmentInvoice, type InstallmentInvoice } from "../installments";

/**
 * A voided invoice (a paused gift's, say) is never an installment: the pending donation recorded
 * when it was finalized goes, unless it was paid meanwhile.
 */
export const invoiceVoided = defineHandler<Stripe.InvoiceVoidedEvent, InstallmentInvoice>({
  prepare: (event, context) => readInstallmentInvoice(event, context),
  async apply(tx, _event, prepared) {
    const removed = await tx.$executeRaw`
      DELETE FROM "Donation" WHERE "stripeInvoiceId" = ${prepared.invoice.id} AND "recurringDonationId" = ${prepared.gift.id}
        AND "paymentStatus" IN ('pending', 'failed') AND "receiptNumber" IS NULL`;
    if (removed === 0) return ignore("no pending installment for this invoice");
  },
});
