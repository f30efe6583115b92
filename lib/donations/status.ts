// A donation's status only moves forward, whatever order Stripe's events arrive in
// (docs/stripe.md#any-order): pending < processing < succeeded < disputed | partially_refunded <
// refunded, and failed only from pending or processing. A later success (the donor retries) still
// moves a failed donation on.
import { Prisma } from "@/lib/db/generated/client.ts";
import type { DonationStatus } from "@/lib/db/generated/enums.ts";

const RANK: Record<DonationStatus, number> = {
  pending: 0,
  failed: 0,
  processing: 1,
  succeeded: 2,
  disputed: 3,
  partially_refunded: 3,
  refunded: 4,
};

export function canMove(from: DonationStatus, to: DonationStatus): boolean {
  if (from === to) return false;
  if (to === "failed") return from === "pending" || from === "processing";
  return RANK[to] > RANK[from];
}

/** The status after an event that says `to`: `to` if that is forward, else unchanged. */
export function advance(from: DonationStatus, to: DonationStatus): DonationStatus {
  return canMove(from, to) ? to : from;
}

/**
 * `advance(status, to)` as SQL over the "Donation".status column, for statements that move a
 * donation on in the database without reading it first. Derived from canMove: one rule.
 */
export function advanceSql(to: DonationStatus): Prisma.Sql {
  const from = (Object.keys(RANK) as DonationStatus[]).filter((status) => canMove(status, to));
  return Prisma.sql`CASE WHEN status IN (${Prisma.join(from.map((status) => Prisma.sql`${status}::"DonationStatus"`))}) THEN ${to}::"DonationStatus" ELSE status END`;
}
