import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { advance } from "@/lib/donations/status";
import { defineHandler, eventAccount } from "../define-handler";

/** The payment attempt failed; the donor may still retry on the same PaymentIntent. */
export const paymentIntentPaymentFailed = defineHandler<Stripe.PaymentIntentPaymentFailedEvent>({
  async apply(tx, event) {
    const intent = event.data.object;
    if (!intent.metadata?.donation_id) return;
    const donation = await findDonationForPayment(tx, { paymentIntentId: intent.id, donationId: intent.metadata.donation_id }, eventAccount(event));
    if (!donation) return;
    const status = advance(donation.status, "failed");
    if (status === donation.status) return;
    await tx.donation.update({
      where: { id: donation.id },
      data: { status, failedAt: new Date(), failureMessage: intent.last_payment_error?.message ?? "The payment failed." },
    });
  },
});
