import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { bookLedgerEntry } from "@/lib/ledger/book-ledger-entry";
import { idOf } from "@/lib/stripe/ids";
import { findDonationForPayment } from "./find-donation";
import { forwardStatusSql, refreshStatusSql } from "./status";

/**
 * Record a dispute's state, and the money it moves (docs/stripe.md#disputes): `withdrawn` books
 * the disputed amount and the dispute fee, `reinstated` books the amount coming back, each from
 * the dispute's own balance transaction. False when the dispute is not of a donation.
 */
export async function recordDispute(
  tx: Tx,
  dispute: Stripe.Dispute,
  eventId: string,
  account: string | null,
  money?: "withdrawn" | "reinstated",
): Promise<boolean> {
  const donation = await findDonationForPayment(tx, { paymentIntentId: idOf(dispute.payment_intent), chargeId: idOf(dispute.charge) }, account);
  if (!donation) return false;
  // A late event's older copy never steps the dispute's status back (lib/donations/status.ts).
  await tx.$executeRaw`
    INSERT INTO "Dispute" (id, "organisationId", "donationId", "stripeDisputeId", "stripeChargeId", "stripeAccountId", amount, currency, status, reason, "updatedAt")
    VALUES (${randomUUID()}, ${donation.organisationId}, ${donation.id}, ${dispute.id}, ${idOf(dispute.charge) ?? ""}, ${donation.stripeAccountId},
      ${BigInt(dispute.amount)}, ${dispute.currency.toUpperCase()}, ${dispute.status}, ${dispute.reason}, NOW())
    ON CONFLICT ("stripeDisputeId") DO UPDATE SET status = ${forwardStatusSql("dispute", "Dispute")}, reason = EXCLUDED.reason, amount = EXCLUDED.amount, "updatedAt" = NOW()`;
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
  await tx.$executeRaw(refreshStatusSql(donation.id));
  return true;
}
