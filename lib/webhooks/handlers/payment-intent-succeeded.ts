import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { queueReceipt } from "@/lib/donations/receipt";
import { advance } from "@/lib/donations/status";
import { bookLedgerEntry } from "@/lib/ledger/book-ledger-entry";
import { log } from "@/lib/logger";
import { stripe } from "@/lib/stripe/client";
import { defineHandler, eventAccount, idOf, readOnAccount } from "../handler";

/** The donation is paid: status, the ledger entry from the charge's balance transaction, the receipt. */
export const paymentIntentSucceeded = defineHandler<Stripe.PaymentIntentSucceededEvent, Stripe.Charge | null>({
  async prepare(event) {
    const intent = event.data.object;
    const chargeId = idOf(intent.latest_charge);
    // Only PaymentIntents Amply created carry a donation id (recurring payments arrive as invoices).
    if (!intent.metadata?.donation_id || !chargeId) return null;
    // The fee and net are only on the expanded balance transaction (ERRATA 24).
    return readOnAccount(event, chargeId, (stripeAccount) => stripe().charges.retrieve(chargeId, { expand: ["balance_transaction"] }, { stripeAccount }));
  },
  async apply(tx, event, charge) {
    const intent = event.data.object;
    if (!intent.metadata?.donation_id) return;
    const donation = await findDonationForPayment(tx, { paymentIntentId: intent.id, donationId: intent.metadata.donation_id }, eventAccount(event));
    if (!donation || !charge) return;
    if (BigInt(charge.amount) !== donation.chargedAmount || charge.currency.toUpperCase() !== donation.currency) {
      log.error("charge does not match its donation", { donationId: donation.id, chargeId: charge.id, charged: charge.amount, expected: donation.chargedAmount });
    }
    const paidAt = new Date(charge.created * 1000);
    await tx.donation.update({
      where: { id: donation.id },
      data: {
        status: advance(donation.status, "succeeded"),
        stripePaymentIntentId: intent.id,
        stripeChargeId: charge.id,
        paymentMethodType: charge.payment_method_details?.type ?? donation.paymentMethodType,
        succeededAt: donation.succeededAt ?? paidAt,
        failureMessage: null,
      },
    });
    await bookLedgerEntry(tx, {
      organisationId: donation.organisationId,
      donationId: donation.id,
      type: "donation_received",
      stripeObjectType: "charge",
      stripeObjectId: charge.id,
      stripeEventId: event.id,
      amount: BigInt(charge.amount),
      currency: charge.currency,
      balanceTransaction: typeof charge.balance_transaction === "object" ? charge.balance_transaction : null,
      description: "Donation received",
    });
    await queueReceipt(tx, donation, donation.succeededAt ?? paidAt);
  },
});
