import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { sql } from "@/lib/db/sql";
import type { DonationStatus, Locale, RecurringInterval } from "@/lib/db/generated/enums.ts";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";

/** What event handlers need of a donation: its own columns and the names a receipt shows. */
export type DonationContext = {
  id: string;
  number: number;
  receiptNumber: number | null;
  organisationId: string;
  status: DonationStatus;
  amount: bigint;
  feeCovered: bigint;
  chargedAmount: bigint;
  currency: string;
  refundedAmount: bigint;
  succeededAt: Date | null;
  refundedAt: Date | null;
  stripePaymentIntentId: string | null;
  stripeChargeId: string | null;
  paymentMethodType: string | null;
  dedication: string | null;
  organisationName: string;
  organisationEmail: string;
  organisationTimeZone: string;
  /** The language the donor gave in: what every email about the gift is written in. */
  locale: Locale;
  stripeAccountId: string | null;
  donorEmail: string | null;
  donorName: string | null;
  fundName: string | null;
  campaignName: string | null;
  recurringInterval: RecurringInterval | null;
  recurringDonationId: string | null;
  /** An installment's billing period. */
  periodStart: Date | null;
  periodEnd: Date | null;
};

/**
 * An event about a PaymentIntent whose donation has moved on to another one (the donor retried and
 * the first attempt was replaced): nothing to apply, and nothing wrong either.
 */
export class ReplacedAttempt extends Error {
  constructor(paymentIntentId: string, donationId: string) {
    super(`${paymentIntentId} is an earlier attempt at donation ${donationId}, replaced since`);
    this.name = "ReplacedAttempt";
  }
}

/** The ids an event gives for a payment; any of them finds the donation, in one query. */
type PaymentRefs = { paymentIntentId?: string | null; chargeId?: string | null; donationId?: string | null };

/**
 * The donation behind a Stripe payment, or null when the payment is not one of Amply's (a Standard
 * account takes other payments too). Locked for the transaction `tx`, so that events about one
 * donation apply one after another, each seeing what the previous one committed. Throws when the
 * event's account is not the organisation's.
 */
export async function findDonationForPayment(tx: Tx, refs: PaymentRefs, eventAccount: string | null | undefined): Promise<DonationContext | null> {
  const [donation] = await tx.$queryRaw<DonationContext[]>(donationContextQuery(refs, Prisma.sql`FOR UPDATE OF d`));
  return checked(donation, refs, eventAccount);
}

/** The same without a lock or transaction, for a handler's `prepare` (lib/db/sql.ts: hot path). */
export async function readDonationForPayment(refs: PaymentRefs, eventAccount: string | null | undefined): Promise<DonationContext | null> {
  const [donation] = await sql<DonationContext>(donationContextQuery(refs, Prisma.empty));
  return checked(donation, refs, eventAccount);
}

function donationContextQuery(refs: PaymentRefs, lock: Prisma.Sql) {
  const paymentIntentId = refs.paymentIntentId ?? null;
  const chargeId = refs.chargeId ?? null;
  // A payment Amply created also carries its donation's id: found even before its ids are stored.
  const donationId = refs.donationId ?? null;
  return Prisma.sql`
    SELECT d.id, d.number, d."receiptNumber", d."organisationId", d.status::text AS status, d.amount, d."feeCovered", d."chargedAmount",
           d.currency, d."refundedAmount", d."succeededAt", d."refundedAt", d."stripePaymentIntentId", d."stripeChargeId",
           d."paymentMethodType", d.dedication,
           o.name AS "organisationName", o.email AS "organisationEmail", o."timeZone" AS "organisationTimeZone", d.locale::text AS locale,
           COALESCE(d."stripeAccountId", o."stripeAccountId") AS "stripeAccountId",
           dn.email AS "donorEmail", d."donorName", f.name AS "fundName", c.name AS "campaignName",
           r.interval::text AS "recurringInterval", d."recurringDonationId", d."periodStart", d."periodEnd"
    FROM "Donation" d
    JOIN "Organisation" o ON o.id = d."organisationId"
    LEFT JOIN "Donor" dn ON dn.id = d."donorId"
    LEFT JOIN "Fund" f ON f.id = d."fundId"
    LEFT JOIN "Campaign" c ON c.id = d."campaignId"
    LEFT JOIN "RecurringDonation" r ON r.id = d."recurringDonationId"
    WHERE d."stripePaymentIntentId" = ${paymentIntentId}::text OR d."stripeChargeId" = ${chargeId}::text OR d.id = ${donationId}::text
    ORDER BY (d."stripePaymentIntentId" = ${paymentIntentId}::text) DESC NULLS LAST, (d."stripeChargeId" = ${chargeId}::text) DESC NULLS LAST
    LIMIT 1
    ${lock}`;
}

function checked(donation: DonationContext | undefined, refs: PaymentRefs, eventAccount: string | null | undefined) {
  if (!donation) return null;
  if (!donation.stripeAccountId || donation.stripeAccountId !== eventAccount) {
    throw new AccountMismatchError(eventAccount ?? null, refs.paymentIntentId ?? refs.chargeId ?? donation.id);
  }
  if (refs.paymentIntentId && donation.stripePaymentIntentId && donation.stripePaymentIntentId !== refs.paymentIntentId) {
    // Metadata pointing at a donation paid by another PaymentIntent of the same account: an attempt
    // a retry replaced (or another payment of that account's): not this donation's payment.
    throw new ReplacedAttempt(refs.paymentIntentId, donation.id);
  }
  return donation;
}
