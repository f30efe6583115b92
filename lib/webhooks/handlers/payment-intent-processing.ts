import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { advancePaymentSql, refreshStatusSql } from "@/lib/donations/status";
import { defineHandler, eventAccount, ignore, NotYet } from "../define-handler";

/** A delayed method (SEPA Direct Debit, bank transfer) is on its way (docs/stripe.md#delayed-payment-methods). */
export const paymentIntentProcessing = defineHandler<Stripe.PaymentIntentProcessingEvent>({
  async apply(tx, event) {
    const intent = event.data.object;
    const donationId = intent.metadata?.donation_id ?? null;
    // An installment's PaymentIntent carries no donation id: its invoice's events stored it on the installment.
    const donation = await findDonationForPayment(tx, { paymentIntentId: intent.id, donationId }, eventAccount(event));
    if (!donation && !donationId) return ignore("not a payment of Amply's (no donation id in its metadata, no installment with this PaymentIntent)");
    // A bank transfer's PaymentIntent is confirmed before its donation is stored.
    if (!donation) throw new NotYet(`donation ${donationId} is not recorded yet`);
    await tx.$executeRaw`
      UPDATE "Donation" SET "paymentStatus" = ${advancePaymentSql("processing")}, "stripePaymentIntentId" = ${intent.id}, "updatedAt" = NOW()
      WHERE id = ${donation.id}`;
    await tx.$executeRaw(refreshStatusSql(donation.id));
  },
});
