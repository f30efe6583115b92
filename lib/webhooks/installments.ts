// Installments of recurring gifts (docs/stripe.md#recurring-gifts): each invoice of a gift's
// subscription that is paid becomes its own donation, with its receipt and ledger entry, through the
// same statement as a one-off success. At the pinned API version neither the charge nor the
// PaymentIntent names its invoice, so the invoice's events read its payments and store the
// installment's PaymentIntent: the charge's own events (an asynchronous capture's charge.updated)
// then find the installment like any donation.
import "server-only";
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import type { Locale } from "@/lib/db/generated/enums.ts";
import { sql } from "@/lib/db/sql";
import { readDonationForPayment } from "@/lib/donations/find-donation";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";
import { idOf } from "@/lib/stripe/ids";
import { invoicePaymentIntentId } from "@/lib/stripe/invoice-payment-intent";
import { retrieveInvoice } from "@/lib/stripe/retrieve-invoice";
import { retrievePaymentIntentWithCharge } from "@/lib/stripe/retrieve-payment-intent-with-charge";
import { retrieveSubscription } from "@/lib/stripe/retrieve-subscription";
import { pausedUntilOf } from "@/lib/recurring/gift-status";
import { ignore, Ignored, NotYet, readOnAccount, type PrepareContext } from "./define-handler";
import type { PaidCharge } from "./payment-succeeded";

export type RecurringGift = {
  id: string;
  organisationId: string;
  stripeAccountId: string | null;
  donorEmail: string;
  donorName: string | null;
  organisationName: string;
  interval: "month" | "year";
  status: string;
  /** The language the gift was started in: its installments' receipts and its emails are in it. */
  locale: Locale;
  organisationTimeZone: string;
};

/** What an invoice event needs: the gift, the invoice as Stripe has it now, its PaymentIntent and charge. */
export type InstallmentInvoice = {
  gift: RecurringGift;
  invoice: Stripe.Invoice;
  paymentIntentId: string | null;
  charge: Stripe.Charge | null;
  subscription: { object: Stripe.Subscription; retrievedAt: Date } | null;
};

/** An invoice's subscription, where the basil-era invoice keeps it. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  return idOf(invoice.parent?.subscription_details?.subscription ?? null);
}

/** The recurring gift of a subscription, or null when it is not one of Amply's. */
export async function readGift(subscriptionId: string): Promise<RecurringGift | null> {
  const [gift] = await sql<RecurringGift>(Prisma.sql`
    SELECT r.id, r."organisationId", r."stripeAccountId", dn.email AS "donorEmail", COALESCE(r."donorName", dn.name) AS "donorName",
           o.name AS "organisationName", r.interval::text AS interval, r.status, r.locale::text AS locale, o."timeZone" AS "organisationTimeZone"
    FROM "RecurringDonation" r JOIN "Donor" dn ON dn.id = r."donorId" JOIN "Organisation" o ON o.id = r."organisationId"
    WHERE r."stripeSubscriptionId" = ${subscriptionId}`);
  return gift ?? null;
}

/**
 * Read what an invoice event is about, outside the transaction: the gift (by the invoice's
 * subscription), the invoice again with its payments, and, when asked, its PaymentIntent with the
 * charge and balance transaction, and the subscription.
 */
export async function readInstallmentInvoice(
  event: Stripe.Event & { data: { object: Stripe.Invoice } },
  context: PrepareContext,
  needs: { charge?: boolean; subscription?: boolean } = {},
): Promise<InstallmentInvoice | Ignored> {
  const payload = event.data.object;
  const subscriptionId = subscriptionOfInvoice(payload);
  if (!subscriptionId) return ignore("not an invoice of a subscription");
  const gift = await readGift(subscriptionId);
  if (!gift) {
    // Amply's own gift whose row is not committed yet (its first invoice is made with the subscription).
    const giftId = payload.parent?.subscription_details?.metadata?.recurring_donation_id;
    if (giftId) throw new NotYet(`recurring gift ${giftId} is not recorded yet`);
    return ignore("not a recurring gift of Amply's");
  }
  if (gift.stripeAccountId !== (event.account ?? null)) throw new AccountMismatchError(event.account ?? null, subscriptionId);
  const invoiceId = String(payload.id);
  const retrievedAt = new Date();
  const [invoice, subscription] = await Promise.all([
    readOnAccount(event, context, invoiceId, (account) => retrieveInvoice(account, invoiceId)),
    needs.subscription ? readOnAccount(event, context, subscriptionId, (account) => retrieveSubscription(account, subscriptionId)) : null,
  ]);
  const current = invoice ?? payload;
  const paymentIntentId = invoicePaymentIntentId(current);
  let charge: Stripe.Charge | null = null;
  if (needs.charge && paymentIntentId) {
    const intent = await readOnAccount(event, context, paymentIntentId, (account) => retrievePaymentIntentWithCharge(account, paymentIntentId));
    charge = intent?.latest_charge && typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  }
  return { gift, invoice: current, paymentIntentId, charge, subscription: subscription ? { object: subscription, retrievedAt } : null };
}

/** An installment's donation id: derived from its invoice, so every event about it finds the one row. */
function installmentIdFor(invoiceId: string) {
  return `don_${createHash("sha256").update(`installment:${invoiceId}`).digest("base64url").slice(0, 24)}`;
}

/**
 * The installment's donation, pending until paid: created from the gift on the first event about
 * its invoice (the first invoice's is created with the gift), its PaymentIntent and period filled
 * in once known. The statement returns its id; it can run any number of times, at once too.
 */
function installmentUpsert(gift: RecurringGift, invoice: Stripe.Invoice, paymentIntentId: string | null): Prisma.Sql {
  const period = invoice.lines?.data[0]?.period ?? { start: invoice.period_start, end: invoice.period_end };
  const periodStart = new Date(period.start * 1000);
  const periodEnd = new Date(period.end * 1000);
  const charged = BigInt(invoice.amount_due);
  return Prisma.sql`
    INSERT INTO "Donation" (id, "organisationId", "donorId", "donorName", "fundId", "campaignId", "recurringDonationId", amount, "feeCovered",
      "chargedAmount", currency, "paymentMethodType", "stripeAccountId", "stripePaymentIntentId", "stripeInvoiceId", anonymous, dedication,
      locale, "periodStart", "periodEnd", "updatedAt")
    SELECT ${installmentIdFor(String(invoice.id))}, r."organisationId", r."donorId", r."donorName", r."fundId", r."campaignId", r.id,
      -- The gift as it stands: an amount changed since is the invoice's; the covered fee is what is left of it.
      CASE WHEN r."chargedAmount" = ${charged} THEN r.amount ELSE ${charged} - LEAST(r."feeCovered", ${charged}) END,
      LEAST(r."feeCovered", ${charged}), ${charged}, upper(${invoice.currency}), r."paymentMethodType", r."stripeAccountId",
      -- The gift's language, so that the installment's receipt is in it.
      ${paymentIntentId}, ${invoice.id}, r.anonymous, r.dedication, r.locale, ${periodStart}, ${periodEnd}, NOW()
    FROM "RecurringDonation" r WHERE r.id = ${gift.id}
    ON CONFLICT ("stripeInvoiceId") DO UPDATE SET
      "stripePaymentIntentId" = COALESCE("Donation"."stripePaymentIntentId", EXCLUDED."stripePaymentIntentId"),
      "periodStart" = COALESCE("Donation"."periodStart", EXCLUDED."periodStart"),
      "periodEnd" = COALESCE("Donation"."periodEnd", EXCLUDED."periodEnd")
    RETURNING id`;
}

/** The installment's donation, in the event's transaction; its id. */
export async function ensureInstallment(tx: Tx, gift: RecurringGift, invoice: Stripe.Invoice, paymentIntentId: string | null): Promise<string> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>(installmentUpsert(gift, invoice, paymentIntentId));
  if (!row) throw new Error(`recurring gift ${gift.id} vanished`);
  return row.id;
}

/**
 * An installment is paid: read outside the transaction, as a one-off success is. The installment's
 * pending donation is made sure of first (what invoice.finalized records, so safe to repeat, at once
 * too); the success is then booked by the one statement every success runs (status, receipt number,
 * receipt, ledger entry once the balance transaction exists).
 */
export async function readPaidInstallment(event: Stripe.Event & { data: { object: Stripe.Invoice } }, context: PrepareContext): Promise<PaidCharge | Ignored> {
  const read = await readInstallmentInvoice(event, context, { charge: true });
  if (read instanceof Ignored) return read;
  const { gift, invoice, charge, paymentIntentId } = read;
  if (invoice.amount_paid === 0) return ignore("the invoice was paid without a charge");
  if (charge && charge.status !== "succeeded") return ignore(`the charge is ${charge.status}`);
  const [row] = await sql<{ id: string }>(installmentUpsert(gift, invoice, paymentIntentId));
  if (!row) throw new Error(`recurring gift ${gift.id} vanished`);
  const donation = await readDonationForPayment({ donationId: row.id, paymentIntentId }, event.account ?? null);
  if (!donation) throw new Error(`installment ${row.id} vanished`);
  return { donation, charge, paymentIntentId };
}

/**
 * What the subscription says now, stored unless a newer read is stored already: an older snapshot
 * (a late event, a slow read) never overwrites a newer one (docs/stripe.md#any-order).
 */
export async function storeSubscription(tx: Tx, subscription: Stripe.Subscription, retrievedAt: Date): Promise<boolean> {
  const item = subscription.items.data[0];
  const price = item?.price;
  const interval = price?.recurring?.interval === "year" ? "year" : price?.recurring?.interval === "month" ? "month" : null;
  const charged = price?.unit_amount ?? null;
  // The gift's split between gift and covered fee is kept in the subscription's metadata by whoever changes the amount.
  const amount = Number(subscription.metadata?.gift_amount);
  const fee = Number(subscription.metadata?.fee_covered);
  const split =
    charged !== null && Number.isInteger(amount) && Number.isInteger(fee) && amount + fee === charged ? { amount: BigInt(amount), fee: BigInt(fee) } : null;
  const renews = ["active", "past_due", "trialing"].includes(subscription.status) && !subscription.cancel_at_period_end && !subscription.pause_collection;
  const periodEnd = item?.current_period_end ? new Date(item.current_period_end * 1000) : null;
  const canceledAt = subscription.canceled_at ? new Date(subscription.canceled_at * 1000) : null;
  const chargedSql = charged === null ? null : BigInt(charged);
  const updated = await tx.$executeRaw`
    UPDATE "RecurringDonation" SET
      status = ${subscription.status},
      "chargedAmount" = COALESCE(${chargedSql}::bigint, "chargedAmount"),
      -- An amount changed without its split: the covered fee stays (at most the new amount), the gift is the rest.
      amount = CASE WHEN ${split?.amount ?? null}::bigint IS NOT NULL THEN ${split?.amount ?? null}::bigint
                    WHEN ${chargedSql}::bigint IS NULL OR ${chargedSql}::bigint = "chargedAmount" THEN amount
                    ELSE ${chargedSql}::bigint - LEAST("feeCovered", ${chargedSql}::bigint) END,
      "feeCovered" = CASE WHEN ${split?.fee ?? null}::bigint IS NOT NULL THEN ${split?.fee ?? null}::bigint
                          ELSE LEAST("feeCovered", COALESCE(${chargedSql}::bigint, "feeCovered")) END,
      interval = COALESCE(${interval}::"RecurringInterval", interval),
      "currentPeriodEnd" = ${periodEnd},
      "nextPaymentAt" = ${renews ? periodEnd : null},
      "canceledAt" = ${canceledAt},
      "pausedUntil" = ${pausedUntilOf(subscription)},
      "stripeCheckedAt" = ${retrievedAt},
      "updatedAt" = NOW()
    WHERE "stripeSubscriptionId" = ${subscription.id} AND ("stripeCheckedAt" IS NULL OR "stripeCheckedAt" <= ${retrievedAt})`;
  return updated > 0;
}
