import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { advancePaymentSql, refreshStatusSql } from "@/lib/donations/status";
import { defineHandler, eventAccount, ignore, NotYet } from "../define-handler";

/** The payment attempt failed; the donor may still retry on the same PaymentIntent. */
export const paymentIntentPaymentFailed = defineHandler<Stripe.PaymentIntentPaymentFailedEvent>({
  async apply(tx, event) {
    const intent = event.data.object;
    const donationId = intent.metadata?.donation_id ?? null;
    // An installment's PaymentIntent carries no donation id: its invoice's events stored it on the installment.
    const donation = await findDonationForPayment(tx, { paymentIntentId: intent.id, donationId }, eventAccount(event));
    if (!donation && !donationId) return ignore("not a payment of Amply's (no donation id in its metadata, no installment with this PaymentIntent)");
    if (!donation) throw new NotYet(`donation ${donationId} is not recorded yet`);
    const message = intent.last_payment_error?.message ?? "The payment failed.";
    await tx.$executeRaw`
      UPDATE "Donation" SET
        "failedAt" = CASE WHEN ${advancePaymentSql("failed")} = 'failed' AND "paymentStatus" <> 'failed' THEN NOW() ELSE "failedAt" END,
        "failureMessage" = CASE WHEN ${advancePaymentSql("failed")} = 'failed' THEN ${message} ELSE "failureMessage" END,
        "paymentStatus" = ${advancePaymentSql("failed")}, "updatedAt" = NOW()
      WHERE id = ${donation.id}`;
    await tx.$executeRaw(refreshStatusSql(donation.id));
  },
});
