import "server-only";
import type Stripe from "stripe";
import { idOf } from "@/lib/stripe/ids";
import { defineHandler, ignore } from "../define-handler";
import { paidChargeStatement, readPaidCharge, type PaidCharge } from "../payment-succeeded";

/**
 * The donation is paid: its status, its receipt, and the ledger entry if the charge's balance
 * transaction already exists (else charge.updated brings it: docs/stripe.md#asynchronous-capture).
 */
export const paymentIntentSucceeded = defineHandler<Stripe.PaymentIntentSucceededEvent, PaidCharge>({
  async prepare(event, context) {
    const intent = event.data.object;
    // Only PaymentIntents Amply created carry a donation id; a Standard account takes other payments too.
    if (!intent.metadata?.donation_id) return ignore("not a payment of Amply's (no donation id in its metadata)");
    return readPaidCharge(event, context, { paymentIntentId: intent.id, chargeId: idOf(intent.latest_charge), donationId: intent.metadata.donation_id });
  },
  statement: paidChargeStatement,
});
