// The dashboard's list of recurring gifts (docs/recurring.md#dashboard): newest first, filtered by
// the status people see, a page at a time (the cursor is the last gift shown, within the
// organisation), with each gift's paid installments counted and summed.
import "server-only";
import { db } from "@/lib/db/client";
import { giftStatus, statusWhere, type GiftStatus } from "./gift-status";

export const RECURRING_PAGE_SIZE = 25;

export async function listRecurringGifts(organisationId: string, input: { status?: GiftStatus; after?: string; pageSize?: number }) {
  const pageSize = input.pageSize ?? RECURRING_PAGE_SIZE;
  const where = { organisationId, ...(input.status ? statusWhere(input.status) : {}) };
  let cursor: { createdAt: Date; id: string } | null = null;
  if (input.after) {
    cursor = await db.recurringDonation.findFirst({ where: { id: input.after, organisationId }, select: { createdAt: true, id: true } });
    if (!cursor) return { rows: [], next: null };
  }
  const gifts = await db.recurringDonation.findMany({
    where: cursor ? { AND: [where, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    include: { donor: { select: { name: true, email: true } } },
  });
  const page = gifts.slice(0, pageSize);
  const paid = await installmentTotals(page.map((gift) => gift.id));
  return {
    rows: page.map((gift) => ({
      ...gift,
      status: giftStatus(gift),
      stripeStatus: gift.status,
      installments: paid.get(gift.id)?.count ?? 0,
      installmentsTotal: paid.get(gift.id)?.total ?? 0n,
    })),
    next: gifts.length > pageSize ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Paid installments per gift: how many, and what they charged in all. */
export async function installmentTotals(giftIds: string[]) {
  const groups = giftIds.length
    ? await db.donation.groupBy({
        by: ["recurringDonationId"],
        where: { recurringDonationId: { in: giftIds }, paymentStatus: "succeeded" },
        _count: { _all: true },
        _sum: { chargedAmount: true },
      })
    : [];
  return new Map(groups.map((group) => [String(group.recurringDonationId), { count: group._count._all, total: group._sum.chargedAmount ?? 0n }]));
}
