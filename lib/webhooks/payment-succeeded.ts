// What the three events of a successful payment share (payment_intent.succeeded, charge.succeeded
// and charge.updated): each reads the donation and the charge as Stripe has it now, and writes the
// same rows, so whichever arrives first, and however often, the result is the same
// (docs/stripe.md#asynchronous-capture).
import "server-only";
import type Stripe from "stripe";
import { Prisma } from "@/lib/db/generated/client.ts";
import { readDonationForPayment, type DonationContext } from "@/lib/donations/find-donation";
import { receiptEmail } from "@/lib/donations/receipt";
import { advanceSql } from "@/lib/donations/status";
import { emailInsert } from "@/lib/email/enqueue-email";
import { ledgerEntryInsert } from "@/lib/ledger/book-ledger-entry";
import { log } from "@/lib/logger";
import { retrieveChargeWithBalance } from "@/lib/stripe/retrieve-charge";
import { readOnAccount, WHEN_RECORDED } from "./define-handler";

export type PaidCharge = { donation: DonationContext; charge: Stripe.Charge } | null;

/**
 * The donation and its charge, read side by side. The charge is read again rather than taken from
 * the payload: its balance transaction (fee, net, exchange rate) appears a moment after the
 * payment succeeds, and only when expanded (docs/stripe.md#real-fees-from-balance-transactions).
 */
export async function readPaidCharge(
  event: Stripe.Event,
  refs: { paymentIntentId: string | null; chargeId: string | null; donationId?: string | null },
): Promise<PaidCharge> {
  const chargeId = refs.chargeId;
  const [donation, charge] = await Promise.all([
    readDonationForPayment(refs, event.account ?? null),
    chargeId ? readOnAccount(event, chargeId, (stripeAccount) => retrieveChargeWithBalance(stripeAccount, chargeId)) : null,
  ]);
  return donation && charge ? { donation, charge } : null;
}

/**
 * The writes for a paid charge, each only if this delivery recorded the event: the donation moves
 * to succeeded (never back, advanceSql) and its receipt is queued (one per donation, by its dedupe
 * key), whether or not the balance transaction exists yet; the `donation_received` ledger entry is
 * booked once it does (one per charge, by the ledger's unique (type, Stripe object)). The ledger is
 * append-only, so the entry is written when its fee is known, never before and never twice.
 */
export function paidChargeStatements(event: Stripe.Event, prepared: PaidCharge): Prisma.Sql[] {
  if (!prepared || prepared.charge.status !== "succeeded") return [];
  const { donation, charge } = prepared;
  if (BigInt(charge.amount) !== donation.chargedAmount || charge.currency.toUpperCase() !== donation.currency) {
    log.error("charge does not match its donation", { donationId: donation.id, chargeId: charge.id, charged: charge.amount, expected: donation.chargedAmount });
  }
  const paidAt = donation.succeededAt ?? new Date(charge.created * 1000);
  const receipt = receiptEmail(donation, paidAt);
  const balanceTransaction = charge.balance_transaction && typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  return [
    Prisma.sql`
      UPDATE "Donation" SET status = ${advanceSql("succeeded")}, "stripePaymentIntentId" = COALESCE(${paymentIntentId}, "stripePaymentIntentId"),
        "stripeChargeId" = ${charge.id}, "paymentMethodType" = COALESCE(${charge.payment_method_details?.type ?? null}, "paymentMethodType"),
        "succeededAt" = COALESCE("succeededAt", ${paidAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "failureMessage" = NULL, "updatedAt" = NOW()
      WHERE id = ${donation.id} AND EXISTS (SELECT 1 FROM recorded)`,
    ...(balanceTransaction
      ? [
          ledgerEntryInsert(
            {
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
            },
            WHEN_RECORDED,
          ),
        ]
      : []),
    ...(receipt ? [emailInsert(receipt, WHEN_RECORDED)] : []),
  ];
}
