import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { bookLedgerEntry } from "@/lib/ledger/book-ledger-entry";
import { idOf } from "@/lib/stripe/ids";
import { findDonationForPayment } from "./find-donation";
import { advance } from "./status";

/**
 * Record a dispute's state, and the money it moves (docs/stripe.md#disputes): `withdrawn` books
 * the disputed amount and the dispute fee, `reinstated` books the amount coming back, each from
 * the dispute's own balance transaction.
 */
export async function recordDispute(tx: Tx, dispute: Stripe.Dispute, eventId: string, account: string | null, money?: "withdrawn" | "reinstated") {
  const donation = await findDonationForPayment(tx, { paymentIntentId: idOf(dispute.payment_intent), chargeId: idOf(dispute.charge) }, account);
  if (!donation) return;
  await tx.dispute.upsert({
    where: { stripeDisputeId: dispute.id },
    create: {
      organisationId: donation.organisationId,
      donationId: donation.id,
      stripeDisputeId: dispute.id,
      stripeChargeId: idOf(dispute.charge) ?? "",
      stripeAccountId: donation.stripeAccountId,
      amount: BigInt(dispute.amount),
      currency: dispute.currency.toUpperCase(),
      status: dispute.status,
      reason: dispute.reason,
    },
    update: { status: dispute.status, reason: dispute.reason, amount: BigInt(dispute.amount) },
  });
  if (money) {
    const movement = dispute.balance_transactions.find((txn) => (money === "withdrawn" ? txn.amount < 0 : txn.amount > 0));
    if (movement) {
      await bookLedgerEntry(tx, {
        organisationId: donation.organisationId,
        donationId: donation.id,
        type: money === "withdrawn" ? "dispute_funds_withdrawn" : "dispute_funds_reinstated",
        stripeObjectType: "dispute",
        stripeObjectId: dispute.id,
        stripeEventId: eventId,
        amount: money === "withdrawn" ? -BigInt(dispute.amount) : BigInt(dispute.amount),
        currency: dispute.currency,
        balanceTransaction: movement,
        description: money === "withdrawn" ? `Dispute (${dispute.reason}): amount and dispute fee withdrawn` : "Dispute won: amount reinstated",
      });
    }
  }
  const status = advance(donation.status, "disputed");
  if (status !== donation.status) await tx.donation.update({ where: { id: donation.id }, data: { status } });
}
