// What the payout handlers share.
import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { bookLedgerEntry, hasLedgerEntry } from "@/lib/ledger/book-ledger-entry";
import { retrievePayout } from "@/lib/stripe/retrieve-payout";
import type { PrepareContext } from "./define-handler";

export type PayoutEvent = Stripe.PayoutPaidEvent | Stripe.PayoutFailedEvent;

/** The payout as Stripe has it now; null for the platform's own payouts and accounts no longer connected. */
export async function freshPayout(event: PayoutEvent, context: PrepareContext) {
  if (!event.account || !context.connected) return null;
  return retrievePayout(event.account, event.data.object.id);
}

/**
 * Payouts move the organisation's whole Stripe balance, including money that never went through
 * Amply (docs/stripe.md#payouts): recorded for information, with no donation, never balanced against donations.
 */
export async function recordPayout(tx: Tx, event: PayoutEvent, payout: Stripe.Payout) {
  if (!event.account) return;
  const organisation = await tx.organisation.findUnique({ where: { stripeAccountId: event.account }, select: { id: true } });
  if (!organisation) return;
  await tx.payout.upsert({
    where: { stripePayoutId: payout.id },
    create: {
      organisationId: organisation.id,
      stripePayoutId: payout.id,
      amount: BigInt(payout.amount),
      currency: payout.currency.toUpperCase(),
      status: payout.status,
      arrivalDate: new Date(payout.arrival_date * 1000),
      failureCode: payout.failure_code,
      failureMessage: payout.failure_message,
    },
    update: { status: payout.status, failureCode: payout.failure_code, failureMessage: payout.failure_message },
  });
  const paid = typeof payout.balance_transaction === "object" ? payout.balance_transaction : null;
  const entry = {
    organisationId: organisation.id,
    donationId: null,
    stripeObjectType: "payout",
    stripeObjectId: payout.id,
    stripeEventId: event.id,
    currency: payout.currency,
  };
  if (event.type === "payout.paid" || payout.status === "paid") {
    await bookLedgerEntry(tx, {
      ...entry,
      type: "payout_paid",
      amount: -BigInt(payout.amount),
      balanceTransaction: paid,
      description: "Payout to the organisation's bank account",
    });
  }
  const returned = typeof payout.failure_balance_transaction === "object" ? payout.failure_balance_transaction : null;
  // Only money that had left comes back: a payout that failed before it was paid moved nothing.
  if (payout.status === "failed" && (await hasLedgerEntry(tx, "payout_paid", payout.id))) {
    await bookLedgerEntry(tx, {
      ...entry,
      type: "payout_failed",
      amount: BigInt(payout.amount),
      balanceTransaction: returned,
      description: `Payout failed (${payout.failure_code ?? "unknown"}): returned to the balance`,
    });
  }
}
