import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { advancePaymentSql, refreshStatusSql } from "@/lib/donations/status";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { paymentFailedEmail } from "@/lib/recurring/installment-emails";
import { defineHandler } from "../define-handler";
import { ensureInstallment, readInstallmentInvoice, storeSubscription, type InstallmentInvoice } from "../installments";

/**
 * An installment could not be taken. The installment's payment is marked failed (a later retry
 * that succeeds moves it on), the gift takes the subscription's status as Stripe has it now (past
 * due), and, for a renewal, the donor is asked once per invoice (not per retry) to update their
 * payment method. A first payment fails on the page, where the donor is.
 */
export const invoicePaymentFailed = defineHandler<Stripe.InvoicePaymentFailedEvent, InstallmentInvoice>({
  prepare: (event, context) => readInstallmentInvoice(event, context, { subscription: true }),
  async apply(tx, event, prepared) {
    const { gift, invoice, paymentIntentId, subscription } = prepared;
    const donationId = await ensureInstallment(tx, gift, invoice, paymentIntentId);
    const donation = await findDonationForPayment(tx, { donationId, paymentIntentId }, event.account ?? null);
    if (donation) {
      await tx.$executeRaw`
        UPDATE "Donation" SET
          "failedAt" = CASE WHEN ${advancePaymentSql("failed")} = 'failed' AND "paymentStatus" <> 'failed' THEN NOW() ELSE "failedAt" END,
          "failureMessage" = CASE WHEN ${advancePaymentSql("failed")} = 'failed' THEN ${"The installment could not be taken."} ELSE "failureMessage" END,
          "paymentStatus" = ${advancePaymentSql("failed")}, "updatedAt" = NOW()
        WHERE id = ${donation.id}`;
      await tx.$executeRaw(refreshStatusSql(donation.id));
    }
    if (subscription) await storeSubscription(tx, subscription.object, subscription.retrievedAt);
    if (invoice.billing_reason !== "subscription_create" && invoice.status === "open") {
      await enqueueEmail(tx, paymentFailedEmail(gift, { id: String(invoice.id), amount_due: invoice.amount_due, currency: invoice.currency }));
    }
  },
});
