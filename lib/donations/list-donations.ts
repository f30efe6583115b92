import "server-only";
import { Prisma } from "@/lib/db/generated/client.ts";
import type { DonationStatus, DonationMethod } from "@/lib/db/generated/enums.ts";
import { sql } from "@/lib/db/sql";
import { nextDay, startOfDay } from "@/lib/organisations/time-zone";
import type { DonationFilters } from "./donation-filters";

export const DONATIONS_PAGE_SIZE = 50;

/** Receipt numbers as printed (R-000042) or bare (42). */
const RECEIPT = /^(?:r-?)?0*(\d{1,9})$/i;

export type DonationListRow = {
  id: string;
  number: number;
  receiptNumber: number | null;
  createdAt: Date;
  chargedAmount: bigint;
  currency: string;
  status: DonationStatus;
  anonymous: boolean;
  paymentMethodType: string | null;
  method: DonationMethod;
  donorName: string | null;
  recurringDonationId: string | null;
  /** An installment's gift interval: month or year. */
  recurringInterval: string | null;
  donorEmail: string | null;
  fundName: string | null;
  campaignName: string | null;
};

/** `LIKE` pattern text matched literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * One page of an organisation's donations, newest first, filtered (docs/reports.md#donations-view),
 * in one statement with its donor, fund and campaign joined. The cursor is the last donation number
 * shown: the next page starts below it in the `(organisationId, number)` index, never by skipping
 * rows. Dates are days in the organisation's `timeZone`.
 */
export async function listDonations(organisationId: string, filters: DonationFilters, timeZone: string) {
  const where: Prisma.Sql[] = [Prisma.sql`d."organisationId" = ${organisationId}`];
  if (filters.after !== undefined) where.push(Prisma.sql`d.number < ${filters.after}`);
  if (filters.from) where.push(Prisma.sql`d."createdAt" >= ${startOfDay(filters.from, timeZone)}`);
  if (filters.to) where.push(Prisma.sql`d."createdAt" < ${startOfDay(nextDay(filters.to), timeZone)}`);
  if (filters.status) where.push(Prisma.sql`d.status = ${filters.status}::"DonationStatus"`);
  if (filters.method) {
    where.push(filters.method === "bank_transfer" ? Prisma.sql`d.method = 'bank_transfer'` : Prisma.sql`d."paymentMethodType" = ${filters.method}`);
  }
  if (filters.fund) where.push(Prisma.sql`d."fundId" = ${filters.fund}`);
  if (filters.campaign) where.push(Prisma.sql`d."campaignId" = ${filters.campaign}`);
  if (filters.currency) where.push(Prisma.sql`d.currency = ${filters.currency}`);
  if (filters.kind) where.push(filters.kind === "recurring" ? Prisma.sql`d."recurringDonationId" IS NOT NULL` : Prisma.sql`d."recurringDonationId" IS NULL`);
  if (filters.q) {
    const receipt = RECEIPT.exec(filters.q);
    const email = `${literal(filters.q.toLowerCase())}%`;
    if (receipt) where.push(Prisma.sql`d."receiptNumber" = ${Number(receipt[1])}`);
    else {
      // The organisation's donors with that address first (a few rows), then their donations by index.
      const donors = Prisma.sql`d."donorId" IN (SELECT id FROM "Donor" WHERE "organisationId" = ${organisationId} AND email LIKE ${email})`;
      where.push(filters.q.includes("@") ? donors : Prisma.sql`(d."donorName" ILIKE ${`%${literal(filters.q)}%`} OR ${donors})`);
    }
  }
  const rows = await sql<DonationListRow>(Prisma.sql`
    SELECT d.id, d.number, d."receiptNumber", d."createdAt", d."chargedAmount", d.currency, d.status::text AS status, d.anonymous,
           d."paymentMethodType", d.method::text AS method, d."donorName", d."recurringDonationId",
           r.interval::text AS "recurringInterval", dn.email AS "donorEmail", f.name AS "fundName", c.name AS "campaignName"
    FROM "Donation" d
    LEFT JOIN "Donor" dn ON dn.id = d."donorId"
    LEFT JOIN "Fund" f ON f.id = d."fundId"
    LEFT JOIN "Campaign" c ON c.id = d."campaignId"
    LEFT JOIN "RecurringDonation" r ON r.id = d."recurringDonationId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY d.number DESC
    LIMIT ${DONATIONS_PAGE_SIZE + 1}`);
  const more = rows.length > DONATIONS_PAGE_SIZE;
  const page = rows.slice(0, DONATIONS_PAGE_SIZE);
  return { rows: page, next: more ? page.at(-1)?.number : undefined };
}
