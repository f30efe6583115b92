import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { advance } from "@/lib/donations/status";
import { defineHandler, eventAccount } from "../define-handler";

/** A delayed method (SEPA Direct Debit, bank transfer) is on its way (docs/stripe.md#delayed-payment-methods). */
export const paymentIntentProcessing = defineHandler<Stripe.PaymentIntentProcessingEvent>({
  async apply(tx, event) {
    const intent = event.data.object;
    if (!intent.metadata?.donation_id) return;
    const donation = await findDonationForPayment(tx, { paymentIntentId: intent.id, donationId: intent.metadata.donation_id }, eventAccount(event));
    if (!donation) return;
    const status = advance(donation.status, "processing");
    if (status !== donation.status) await tx.donation.update({ where: { id: donation.id }, data: { status, stripePaymentIntentId: intent.id } });
  },
});
