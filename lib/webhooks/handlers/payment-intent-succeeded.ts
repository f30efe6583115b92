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
import { defineHandler, eventAccount, readOnAccount, WHEN_RECORDED } from "../define-handler";
import { idOf } from "@/lib/stripe/ids";

type Prepared = { donation: DonationContext; charge: Stripe.Charge } | null;

/**
 * The donation is paid: its status, the ledger entry from the charge's balance transaction, and
 * its receipt. This runs for every gift, so its writes go in one statement with the event record;
 * the status moves forward in SQL (advanceSql), against whatever another event committed first.
 */
export const paymentIntentSucceeded = defineHandler<Stripe.PaymentIntentSucceededEvent, Prepared>({
  async prepare(event) {
    const intent = event.data.object;
    // Only PaymentIntents Amply created carry a donation id (recurring payments arrive as invoices).
    if (!intent.metadata?.donation_id) return null;
    const chargeId = idOf(intent.latest_charge);
    // The donation and the charge are read side by side; the fee and net are only on the
    // charge's balance transaction, and only when it is expanded
    // (docs/stripe.md#real-fees-from-balance-transactions).
    const [donation, charge] = await Promise.all([
      readDonationForPayment({ paymentIntentId: intent.id, donationId: intent.metadata.donation_id }, eventAccount(event)),
      chargeId ? readOnAccount(event, chargeId, (stripeAccount) => retrieveChargeWithBalance(stripeAccount, chargeId)) : null,
    ]);
    return donation && charge ? { donation, charge } : null;
  },
  statements(event, prepared) {
    if (!prepared) return [];
    const { donation, charge } = prepared;
    const intent = event.data.object;
    if (BigInt(charge.amount) !== donation.chargedAmount || charge.currency.toUpperCase() !== donation.currency) {
      log.error("charge does not match its donation", {
        donationId: donation.id,
        chargeId: charge.id,
        charged: charge.amount,
        expected: donation.chargedAmount,
      });
    }
    const paidAt = donation.succeededAt ?? new Date(charge.created * 1000);
    const receipt = receiptEmail(donation, paidAt);
    return [
      Prisma.sql`
        UPDATE "Donation" SET status = ${advanceSql("succeeded")}, "stripePaymentIntentId" = ${intent.id}, "stripeChargeId" = ${charge.id},
          "paymentMethodType" = COALESCE(${charge.payment_method_details?.type ?? null}, "paymentMethodType"),
          "succeededAt" = COALESCE("succeededAt", ${paidAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "failureMessage" = NULL, "updatedAt" = NOW()
        WHERE id = ${donation.id} AND EXISTS (SELECT 1 FROM recorded)`,
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
          balanceTransaction: typeof charge.balance_transaction === "object" ? charge.balance_transaction : null,
          description: "Donation received",
        },
        WHEN_RECORDED,
      ),
      ...(receipt ? [emailInsert(receipt, WHEN_RECORDED)] : []),
    ];
  },
});
