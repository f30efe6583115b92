// A donation's status is a function of the facts Amply has recorded, never of the order Stripe's
// events arrived in (docs/stripe.md#any-order):
//   refunded (pending, requires_action and succeeded refunds) >= charged -> refunded
//   a dispute open or lost                                                -> disputed
//   any refund counted                                                    -> partially_refunded
//   otherwise                                                             -> the payment's own status
// Each fact only moves forward itself: the payment's status, a refund's, a dispute's. An old event
// delivered late never undoes what a newer one recorded.
import { Prisma } from "@/lib/db/generated/client.ts";
import type { DonationStatus } from "@/lib/db/generated/enums.ts";

export type PaymentStatus = Extract<DonationStatus, "pending" | "processing" | "succeeded" | "failed">;

const PAYMENT_RANK: Record<PaymentStatus, number> = { pending: 0, failed: 0, processing: 1, succeeded: 2 };

/** Failed only from pending or processing; a later success (the donor retries) moves a failed payment on. */
export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === to) return false;
  if (to === "failed") return from === "pending" || from === "processing";
  return PAYMENT_RANK[to] > PAYMENT_RANK[from];
}

export function advancePayment(from: PaymentStatus, to: PaymentStatus): PaymentStatus {
  return canMovePayment(from, to) ? to : from;
}

/** `advancePayment("paymentStatus", to)` as SQL, for statements that do not read the row first. */
export function advancePaymentSql(to: PaymentStatus): Prisma.Sql {
  const from = (Object.keys(PAYMENT_RANK) as PaymentStatus[]).filter((status) => canMovePayment(status, to));
  return Prisma.sql`CASE WHEN "paymentStatus" IN (${Prisma.join(from.map((status) => Prisma.sql`${status}::"DonationStatus"`))}) THEN ${to}::"DonationStatus" ELSE "paymentStatus" END`;
}

/** Refund statuses that count as refunded money: failed and canceled refunds gave it back. */
export const REFUND_COUNTS = ["pending", "requires_action", "succeeded"] as const;
/** A refund's status moves pending -> succeeded -> failed (a refund can fail after succeeding), never back. */
const REFUND_RANK: Record<string, number> = { pending: 0, requires_action: 0, succeeded: 1, failed: 2, canceled: 2 };

/** Dispute statuses that make a donation `disputed`: still open, or lost. */
export const DISPUTE_COUNTS = ["warning_needs_response", "warning_under_review", "needs_response", "under_review", "lost"] as const;
/** Open -> under review -> closed (won, lost, warning_closed, prevented), never back. */
const DISPUTE_RANK: Record<string, number> = {
  warning_needs_response: 0,
  needs_response: 0,
  warning_under_review: 1,
  under_review: 1,
  won: 2,
  lost: 2,
  warning_closed: 2,
  prevented: 2,
};

function rankSql(ranks: Record<string, number>, column: Prisma.Sql): Prisma.Sql {
  const cases = Object.entries(ranks).map(([status, rank]) => Prisma.sql`WHEN ${status} THEN ${rank}::int`);
  return Prisma.sql`(CASE ${column} ${Prisma.join(cases, " ")} ELSE 0 END)`;
}

/** The status to store for a refund or dispute row: the newer of what is stored and what is reported. */
export function forwardStatusSql(kind: "refund" | "dispute", table: "Refund" | "Dispute"): Prisma.Sql {
  const ranks = kind === "refund" ? REFUND_RANK : DISPUTE_RANK;
  const stored = Prisma.raw(`"${table}".status`);
  const reported = Prisma.raw(`EXCLUDED.status`);
  return Prisma.sql`CASE WHEN ${rankSql(ranks, reported)} >= ${rankSql(ranks, stored)} THEN EXCLUDED.status ELSE ${stored} END`;
}

function refundedSql(donationId: string): Prisma.Sql {
  const counted = Prisma.join(REFUND_COUNTS.map((status) => Prisma.sql`${status}`));
  return Prisma.sql`(SELECT COALESCE(sum(amount), 0) FROM "Refund" WHERE "donationId" = ${donationId} AND status IN (${counted}))::bigint`;
}

/**
 * A donation's status from its facts, as a SQL expression inside an UPDATE of that donation:
 * `payment` is its payment's status (the column, or the value the same UPDATE gives it).
 */
export function derivedStatusSql(donationId: string, payment: Prisma.Sql = Prisma.sql`"paymentStatus"`): Prisma.Sql {
  const disputing = Prisma.join(DISPUTE_COUNTS.map((status) => Prisma.sql`${status}`));
  const refunded = refundedSql(donationId);
  return Prisma.sql`CASE
      WHEN ${refunded} > 0 AND ${refunded} >= "chargedAmount" THEN 'refunded'::"DonationStatus"
      WHEN EXISTS (SELECT 1 FROM "Dispute" WHERE "donationId" = ${donationId} AND status IN (${disputing})) THEN 'disputed'::"DonationStatus"
      WHEN ${refunded} > 0 THEN 'partially_refunded'::"DonationStatus"
      ELSE ${payment} END`;
}

/** Recompute a donation's status, refunded amount and refund date from its recorded facts. */
export function refreshStatusSql(donationId: string): Prisma.Sql {
  const refunded = refundedSql(donationId);
  return Prisma.sql`
    UPDATE "Donation" SET
      status = ${derivedStatusSql(donationId)},
      "refundedAmount" = ${refunded},
      "refundedAt" = CASE WHEN ${refunded} > 0 AND ${refunded} >= "chargedAmount" THEN COALESCE("refundedAt", NOW()) END,
      "updatedAt" = NOW()
    WHERE id = ${donationId}`;
}
