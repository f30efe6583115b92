// What the three events of a successful payment share (payment_intent.succeeded, charge.succeeded
// and charge.updated): each reads the donation and the charge as Stripe has it now, and writes the
// same rows, so whichever arrives first, and however often, the result is the same
// (docs/stripe.md#asynchronous-capture).
import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { Prisma } from "@/lib/db/generated/client.ts";
import { readDonationForPayment, type DonationContext } from "@/lib/donations/find-donation";
import { PENDING_RECEIPT_TEXT, receiptDedupeKey } from "@/lib/donations/receipt";
import { advancePaymentSql, derivedStatusSql } from "@/lib/donations/status";
import { ledgerEntryInsert } from "@/lib/ledger/book-ledger-entry";
import { log } from "@/lib/logger";
import { retrieveChargeWithBalance } from "@/lib/stripe/retrieve-charge";
import { ignore, NotYet, readOnAccount, type Ignored, type PrepareContext } from "./define-handler";

/**
 * The donation and its charge. The charge is read again rather than taken from the payload: its
 * balance transaction (fee, net, exchange rate) appears a moment after the payment succeeds, and
 * only when expanded (docs/stripe.md#real-fees-from-balance-transactions). `charge` is null when
 * the account is no longer connected: the payment's success is then recorded from the signed
 * payload, without a ledger entry (there is no fee to book).
 */
export type PaidCharge = {
  donation: DonationContext;
  charge: Stripe.Charge | null;
  paymentIntentId: string | null;
  /** For an instalment of a recurring gift: the period it pays for, printed on its receipt. */
  period?: { start: Date; end: Date } | null;
};

export async function readPaidCharge(
  event: Stripe.Event,
  context: PrepareContext,
  refs: { paymentIntentId: string | null; chargeId: string | null; donationId?: string | null },
): Promise<PaidCharge | Ignored> {
  const chargeId = refs.chargeId;
  const [donation, charge] = await Promise.all([
    readDonationForPayment(refs, event.account ?? null),
    chargeId ? readOnAccount(event, context, chargeId, (stripeAccount) => retrieveChargeWithBalance(stripeAccount, chargeId)) : null,
  ]);
  if (!donation) {
    // Amply's own payment whose donation row is not committed yet: try again shortly.
    if (refs.donationId) throw new NotYet(`donation ${refs.donationId} is not recorded yet`);
    return ignore("not a payment of Amply's");
  }
  if (context.connected && !charge) return ignore("the payment has no charge yet");
  if (charge && charge.status !== "succeeded") return ignore(`the charge is ${charge.status}`);
  return { donation, charge, paymentIntentId: refs.paymentIntentId };
}

/**
 * The writes of a paid charge, as one statement (every gift runs it: one round trip, and the
 * organisation's receipt counter is held only until the commit right after). The inbox runs it in
 * its own transaction, only while the event is unprocessed and its lease still held.
 * - the payment moves to succeeded (never back) and the donation's status follows from its facts;
 * - the donation takes its organisation's next receipt number, once: the counter is taken here, so
 *   failed attempts leave no gaps; its Receipt row is issued with that number, at the same moment;
 * - the receipt's email is queued, one per donation (by its dedupe key), whether or not the balance
 *   transaction exists yet; the outbox writes it (text, HTML, PDF) when it sends it;
 * - the `donation_received` ledger entry is booked once the balance transaction exists (one per
 *   charge, by the ledger's unique (type, Stripe object)): the ledger is append-only, so the entry is
 *   written when its fee is known, never before and never twice.
 */
export function paidChargeStatement(event: Stripe.Event, prepared: PaidCharge): Prisma.Sql {
  const { donation, charge } = prepared;
  if (charge && (BigInt(charge.amount) !== donation.chargedAmount || charge.currency.toUpperCase() !== donation.currency)) {
    log.error("charge does not match its donation", { donationId: donation.id, chargeId: charge.id, charged: charge.amount, expected: donation.chargedAmount });
  }
  const paymentIntentId = charge
    ? typeof charge.payment_intent === "string"
      ? charge.payment_intent
      : (charge.payment_intent?.id ?? null)
    : prepared.paymentIntentId;
  const paidAt = donation.succeededAt ?? new Date((charge?.created ?? event.created) * 1000);
  const balanceTransaction = charge?.balance_transaction && typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  const ledger =
    charge && balanceTransaction
      ? ledgerEntryInsert({
          organisationId: donation.organisationId,
          donationId: donation.id,
          type: "donation_received",
          stripeObjectType: "charge",
          stripeObjectId: charge.id,
          stripeEventId: event.id,
          amount: BigInt(charge.amount),
          currency: charge.currency,
          balanceTransaction,
          description: "Donation received",
        })
      : null;
  const period = prepared.period ?? null;
  const printed = Prisma.sql`'R-' || lpad("receiptNumber"::text, 6, '0')`;
  return Prisma.sql`
    WITH current AS (SELECT "receiptNumber" FROM "Donation" WHERE id = ${donation.id} FOR UPDATE),
    counter AS (
      UPDATE "Organisation" SET "receiptCounter" = "receiptCounter" + 1
      WHERE id = ${donation.organisationId} AND EXISTS (SELECT 1 FROM current WHERE "receiptNumber" IS NULL)
      RETURNING "receiptCounter"
    ),
    paid AS (
      UPDATE "Donation" SET "paymentStatus" = ${advancePaymentSql("succeeded")},
        status = ${derivedStatusSql(donation.id, advancePaymentSql("succeeded"))},
        "receiptNumber" = COALESCE("receiptNumber", (SELECT "receiptCounter" FROM counter)),
        "stripePaymentIntentId" = COALESCE(${paymentIntentId}, "stripePaymentIntentId"),
        "stripeChargeId" = COALESCE(${charge?.id ?? null}, "stripeChargeId"),
        "paymentMethodType" = COALESCE(${charge?.payment_method_details?.type ?? null}, "paymentMethodType"),
        "succeededAt" = COALESCE("succeededAt", ${paidAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "failureMessage" = NULL, "updatedAt" = NOW()
      WHERE id = ${donation.id}
      RETURNING ${printed} AS printed
    )
    ${ledger ? Prisma.sql`, ledger AS (${ledger})` : Prisma.empty}
    , issued AS (
      INSERT INTO "Receipt" (id, "organisationId", "donationId", number, kind, "donorName", "periodStart", "periodEnd", "issuedAt")
      SELECT ${randomUUID()}, ${donation.organisationId}, ${donation.id}, "receiptCounter", 'original'::"ReceiptKind", ${donation.donorName}::text,
        ${period?.start.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC', ${period?.end.toISOString() ?? null}::timestamptz AT TIME ZONE 'UTC',
        NOW() AT TIME ZONE 'UTC'
      FROM counter
      RETURNING id, number)
    ${
      donation.donorEmail
        ? Prisma.sql`, receipt AS (
      INSERT INTO "OutboxEmail" (id, "dedupeKey", kind, "to", subject, text, "receiptId")
      SELECT ${randomUUID()}, ${receiptDedupeKey(donation.id)}, 'receipt', ${donation.donorEmail},
        ${`Your receipt from ${donation.organisationName} (`} || 'R-' || lpad(number::text, 6, '0') || ')', ${PENDING_RECEIPT_TEXT}, issued.id
      FROM issued
      ON CONFLICT ("dedupeKey") DO NOTHING)`
        : Prisma.empty
    }
    SELECT printed FROM paid`;
}
