import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { bookLedgerEntry } from "@/lib/ledger/book-ledger-entry";
import { idOf } from "@/lib/stripe/ids";
import { findDonationForPayment } from "./find-donation";
import { refundEmail } from "./refund-email";
import { forwardStatusSql, refreshStatusSql } from "./status";

function expanded(value: string | Stripe.BalanceTransaction | null | undefined): Stripe.BalanceTransaction | null {
  return value && typeof value === "object" ? value : null;
}

/**
 * Record one refund (docs/stripe.md#refunds): one row per Stripe refund id, a ledger entry for
 * exactly the refunded amount (and a reversal if the refund later fails), and the donation's
 * status from its facts. With `refund` fresh from Stripe, balance transactions expanded, the
 * ledger is booked; a payload copy (the account is no longer connected) records the status only.
 * False when the refund is not of a donation.
 */
export async function recordRefund(tx: Tx, refund: Stripe.Refund, eventId: string, account: string | null): Promise<boolean> {
  const donation = await findDonationForPayment(tx, { paymentIntentId: idOf(refund.payment_intent), chargeId: idOf(refund.charge) }, account);
  if (!donation) return false;
  const status = refund.status ?? "pending";
  // A late event's older copy never steps the refund's status back (lib/donations/status.ts).
  await tx.$executeRaw`
    INSERT INTO "Refund" (id, "organisationId", "donationId", "stripeRefundId", "stripeChargeId", "stripeAccountId", amount, currency, status, reason, "updatedAt")
    VALUES (${randomUUID()}, ${donation.organisationId}, ${donation.id}, ${refund.id}, ${idOf(refund.charge) ?? ""}, ${donation.stripeAccountId},
      ${BigInt(refund.amount)}, ${refund.currency.toUpperCase()}, ${status}, ${refund.reason}, NOW())
    ON CONFLICT ("stripeRefundId") DO UPDATE SET status = ${forwardStatusSql("refund", "Refund")}, reason = EXCLUDED.reason, "updatedAt" = NOW()`;
  // A refund asked for in the dashboard names its request: the request is done, its amount now
  // counts as a refund (docs/reports.md#refunds-from-the-dashboard).
  const requestId = refund.metadata?.refund_request_id;
  if (requestId) {
    await tx.$executeRaw`
      UPDATE "RefundRequest" SET status = 'recorded', "stripeRefundId" = ${refund.id}, "stripeStatus" = ${status}, "updatedAt" = NOW()
      WHERE id = ${requestId} AND "donationId" = ${donation.id}`;
  }
  const email = refundEmail(donation, refund);
  if (email) await enqueueEmail(tx, email);

  const balanceTransaction = expanded(refund.balance_transaction);
  if (balanceTransaction) {
    await bookLedgerEntry(tx, {
      organisationId: donation.organisationId,
      donationId: donation.id,
      type: "refund",
      stripeObjectType: "refund",
      stripeObjectId: refund.id,
      stripeEventId: eventId,
      amount: -BigInt(refund.amount),
      currency: refund.currency,
      balanceTransaction,
      description: refund.reason ? `Refund (${refund.reason})` : "Refund",
    });
  }
  const failure = expanded(refund.failure_balance_transaction);
  if (failure) {
    await bookLedgerEntry(tx, {
      organisationId: donation.organisationId,
      donationId: donation.id,
      type: "refund_reversal",
      stripeObjectType: "refund",
      stripeObjectId: refund.id,
      stripeEventId: eventId,
      amount: BigInt(refund.amount),
      currency: refund.currency,
      balanceTransaction: failure,
      description: `Refund failed${refund.failure_reason ? ` (${refund.failure_reason})` : ""}: the money is back in the balance`,
    });
  }

  await tx.$executeRaw(refreshStatusSql(donation.id));
  return true;
}
