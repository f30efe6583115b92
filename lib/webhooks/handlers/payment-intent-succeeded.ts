import "server-only";
import type Stripe from "stripe";
import { idOf } from "@/lib/stripe/ids";
import { defineHandler } from "../define-handler";
import { paidChargeStatements, readPaidCharge, type PaidCharge } from "../payment-succeeded";

/**
 * The donation is paid: its status, its receipt, and the ledger entry if the charge's balance
 * transaction already exists (else charge.updated brings it: docs/stripe.md#asynchronous-capture).
 * This runs for every gift, so its writes go in one statement with the event record.
 */
export const paymentIntentSucceeded = defineHandler<Stripe.PaymentIntentSucceededEvent, PaidCharge>({
  async prepare(event) {
    const intent = event.data.object;
    // Only PaymentIntents Amply created carry a donation id (recurring payments arrive as invoices).
    if (!intent.metadata?.donation_id) return null;
    return readPaidCharge(event, { paymentIntentId: intent.id, chargeId: idOf(intent.latest_charge), donationId: intent.metadata.donation_id });
  },
  statements: paidChargeStatements,
});
