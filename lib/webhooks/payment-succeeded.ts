// What the three events of a successful payment share (payment_intent.succeeded, charge.succeeded
// and charge.updated): each reads the donation and the charge as Stripe has it now, and writes the
// same rows, so whichever arrives first, and however often, the result is the same
// (docs/stripe.md#asynchronous-capture).
import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { readDonationForPayment, type DonationContext } from "@/lib/donations/find-donation";
import { receiptEmail } from "@/lib/donations/receipt";
import { advancePaymentSql, refreshStatusSql } from "@/lib/donations/status";
import { emailInsert } from "@/lib/email/enqueue-email";
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
export type PaidCharge = { donation: DonationContext; charge: Stripe.Charge | null; paymentIntentId: string | null };

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
 * The donation's payment moves to succeeded (never back), it gets its organisation's next receipt
 * number (once: the counter is taken here, so failed attempts leave no gaps) and its receipt is
 * queued (one per donation, by its dedupe key), whether or not the balance transaction exists yet;
 * the `donation_received` ledger entry is booked once it does (one per charge, by the ledger's
 * unique (type, Stripe object)). The ledger is append-only: the entry is written when its fee is
 * known, never before and never twice.
 */
export async function applyPaidCharge(tx: Tx, event: Stripe.Event, prepared: PaidCharge): Promise<void> {
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
  const [paid] = await tx.$queryRaw<{ receiptNumber: number | null }[]>`
    UPDATE "Donation" SET "paymentStatus" = ${advancePaymentSql("succeeded")}, "stripePaymentIntentId" = COALESCE(${paymentIntentId}, "stripePaymentIntentId"),
      "stripeChargeId" = COALESCE(${charge?.id ?? null}, "stripeChargeId"), "paymentMethodType" = COALESCE(${charge?.payment_method_details?.type ?? null}, "paymentMethodType"),
      "succeededAt" = COALESCE("succeededAt", ${paidAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "failureMessage" = NULL, "updatedAt" = NOW()
    WHERE id = ${donation.id}
    RETURNING "receiptNumber"`;
  // The donation row is locked by the update above: no other event can number it meanwhile.
  const receiptNumber = paid?.receiptNumber ?? (await takeReceiptNumber(tx, donation));
  const balanceTransaction = charge?.balance_transaction && typeof charge.balance_transaction === "object" ? charge.balance_transaction : null;
  if (charge && balanceTransaction) {
    await tx.$executeRaw(
      ledgerEntryInsert({
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
      }),
    );
  }
  const receipt = receiptEmail({ ...donation, receiptNumber }, paidAt);
  if (receipt) await tx.$executeRaw(emailInsert(receipt));
  await tx.$executeRaw(refreshStatusSql(donation.id));
}

/** The organisation's next receipt number, given to this donation. */
async function takeReceiptNumber(tx: Tx, donation: DonationContext): Promise<number> {
  const [numbered] = await tx.$queryRaw<{ receiptNumber: number }[]>(Prisma.sql`
    WITH counter AS (UPDATE "Organisation" SET "receiptCounter" = "receiptCounter" + 1 WHERE id = ${donation.organisationId} RETURNING "receiptCounter")
    UPDATE "Donation" SET "receiptNumber" = (SELECT "receiptCounter" FROM counter) WHERE id = ${donation.id}
    RETURNING "receiptNumber"`);
  if (!numbered) throw new Error(`donation ${donation.id} vanished while being numbered`);
  return numbered.receiptNumber;
}
