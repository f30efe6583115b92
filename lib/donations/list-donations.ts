import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { startOfDay, nextDay } from "@/lib/reports/zoned-time";
import type { DonationFilters } from "./donation-filters";

export const DONATIONS_PAGE_SIZE = 50;

/** Receipt numbers as printed (R-000042) or bare (42). */
const RECEIPT = /^(?:r-?)?0*(\d{1,9})$/i;

/**
 * One page of an organisation's donations, newest first, filtered (docs/reports.md#donations-view).
 * The cursor is the last donation number shown: the next page starts below it in the index, never
 * by skipping rows. Dates are days in `timeZone` (UTC until organisations carry their own).
 */
export async function listDonations(organisationId: string, filters: DonationFilters, timeZone = "UTC") {
  const where: Prisma.DonationWhereInput = { organisationId };
  const and: Prisma.DonationWhereInput[] = [];
  if (filters.after !== undefined) where.number = { lt: filters.after };
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: startOfDay(filters.from, timeZone) } : {}),
      ...(filters.to ? { lt: startOfDay(nextDay(filters.to), timeZone) } : {}),
    };
  }
  if (filters.status) where.status = filters.status;
  if (filters.method) and.push(filters.method === "bank_transfer" ? { method: "bank_transfer" } : { paymentMethodType: filters.method });
  if (filters.fund) where.fundId = filters.fund;
  if (filters.campaign) where.campaignId = filters.campaign;
  if (filters.currency) where.currency = filters.currency;
  if (filters.kind) where.recurringDonationId = filters.kind === "recurring" ? { not: null } : null;
  if (filters.q) {
    const receipt = RECEIPT.exec(filters.q);
    if (receipt) and.push({ receiptNumber: Number(receipt[1]) });
    else if (filters.q.includes("@")) and.push({ donor: { email: { startsWith: filters.q.toLowerCase() } } });
    else and.push({ OR: [{ donorName: { contains: filters.q, mode: "insensitive" } }, { donor: { email: { startsWith: filters.q.toLowerCase() } } }] });
  }
  if (and.length) where.AND = and;
  const rows = await db.donation.findMany({
    where,
    orderBy: { number: "desc" },
    take: DONATIONS_PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      receiptNumber: true,
      createdAt: true,
      chargedAmount: true,
      currency: true,
      status: true,
      anonymous: true,
      paymentMethodType: true,
      method: true,
      donorName: true,
      recurringDonationId: true,
      donor: { select: { email: true } },
      fund: { select: { name: true } },
      campaign: { select: { name: true } },
    },
  });
  const more = rows.length > DONATIONS_PAGE_SIZE;
  const page = rows.slice(0, DONATIONS_PAGE_SIZE);
  return { rows: page, next: more ? page.at(-1)?.number : undefined };
}
