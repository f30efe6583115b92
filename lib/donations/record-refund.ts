import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { bookLedgerEntry } from "@/lib/ledger/book-ledger-entry";
import { idOf } from "@/lib/stripe/ids";
import { findDonationForPayment } from "./find-donation";
import { advance } from "./status";

const COUNTS_AS_REFUNDED = new Set(["pending", "requires_action", "succeeded"]);

function expanded(value: string | Stripe.BalanceTransaction | null | undefined): Stripe.BalanceTransaction | null {
  return value && typeof value === "object" ? value : null;
}

/**
 * Record one refund (docs/stripe.md#refunds): one row per Stripe refund id, a ledger entry for
 * exactly the refunded amount (and a reversal if the refund later fails), and the donation's
 * status from the refunded total. `refund` must come fresh from Stripe with its balance transactions expanded.
 */
export async function recordRefund(tx: Tx, refund: Stripe.Refund, eventId: string, account: string | null) {
  const donation = await findDonationForPayment(tx, { paymentIntentId: idOf(refund.payment_intent), chargeId: idOf(refund.charge) }, account);
  if (!donation) return;
  const chargeId = idOf(refund.charge) ?? "";
  await tx.refund.upsert({
    where: { stripeRefundId: refund.id },
    create: {
      organisationId: donation.organisationId,
      donationId: donation.id,
      stripeRefundId: refund.id,
      stripeChargeId: chargeId,
      stripeAccountId: donation.stripeAccountId,
      amount: BigInt(refund.amount),
      currency: refund.currency.toUpperCase(),
      status: refund.status ?? "pending",
      reason: refund.reason,
    },
    update: { status: refund.status ?? "pending", reason: refund.reason },
  });

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

  const refunds = await tx.refund.findMany({ where: { donationId: donation.id }, select: { amount: true, status: true } });
  const refundedAmount = refunds.filter((r) => COUNTS_AS_REFUNDED.has(r.status)).reduce((sum, r) => sum + r.amount, 0n);
  let status = donation.status;
  if (refundedAmount >= donation.chargedAmount) status = advance(status, "refunded");
  else if (refundedAmount > 0n) status = advance(status, "partially_refunded");
  if (refundedAmount < donation.refundedAmount && (status === "refunded" || status === "partially_refunded")) {
    // A refund that failed gives the money back: the one case where the status steps down,
    // because what it reported did not happen.
    // (A refund exists only for a charge that succeeded.)
    status = refundedAmount > 0n ? "partially_refunded" : "succeeded";
  }
  await tx.donation.update({
    where: { id: donation.id },
    data: { refundedAmount, status, refundedAt: status === "refunded" ? (donation.refundedAt ?? new Date()) : null },
  });
}
