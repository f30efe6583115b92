import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { yearWindow } from "./statement-content";

/**
 * Donors of the organisation with a gift that may count in `year` (succeeded, not disputed, not
 * refunded in full, in the year's window), in id order after `after`. The calendar of the
 * organisation's zone has the last word, per donor, when the statement is written.
 */
export function statementDonorsSql(organisationId: string, year: number, select: Prisma.Sql, tail: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const { from, to } = yearWindow(year);
  return Prisma.sql`
    SELECT ${select} FROM "Donor" d
    WHERE d."organisationId" = ${organisationId}
      AND EXISTS (
        SELECT 1 FROM "Donation" x
        WHERE x."donorId" = d.id AND x."organisationId" = ${organisationId}
          AND x."paymentStatus" = 'succeeded' AND x.status <> 'disputed'
          AND x."chargedAmount" > x."refundedAmount"
          AND x."succeededAt" >= ${from} AND x."succeededAt" < ${to})
    ${tail}`;
}

export async function countStatementDonors(client: Db | Tx, organisationId: string, year: number): Promise<number> {
  const [row] = await client.$queryRaw<Array<{ count: bigint }>>(statementDonorsSql(organisationId, year, Prisma.sql`count(*) AS count`));
  return Number(row?.count ?? 0n);
}
