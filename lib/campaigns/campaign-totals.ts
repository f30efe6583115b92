import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";

/**
 * What a campaign has raised, per currency, and from how many donors (each counted once, whatever
 * the currencies they gave in). A gift counts once paid and while not disputed, for its
 * amount less refunds (docs/architecture.md#funds-and-campaigns): the fee a donor covered is not part
 * of the goal, a refund never makes a gift count less than nothing.
 */
export async function campaignTotals(organisationId: string, campaignId: string) {
  const counted = Prisma.sql`d."organisationId" = ${organisationId} AND d."campaignId" = ${campaignId} AND d.status IN ('succeeded', 'partially_refunded')`;
  const [perCurrency, [donors]] = await Promise.all([
    db.$queryRaw<Array<{ currency: string; raised: bigint }>>`
      SELECT d.currency, SUM(GREATEST(d.amount - d."refundedAmount", 0))::bigint AS raised
      FROM "Donation" d WHERE ${counted} GROUP BY d.currency ORDER BY d.currency`,
    db.$queryRaw<Array<{ count: bigint }>>`SELECT COUNT(DISTINCT COALESCE(d."donorId", d.id))::bigint AS count FROM "Donation" d WHERE ${counted}`,
  ]);
  return { raised: perCurrency, donors: Number(donors?.count ?? 0n) };
}
