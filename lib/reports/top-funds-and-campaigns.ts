// The funds and campaigns that raised the most in a period, per currency (docs/reports.md#top-funds-and-campaigns).
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { PAID_STATUSES, type ReportPeriod, withinPeriod } from "@/lib/reports/report-period";

export type TopTarget = { currency: string; id: string; name: string; amount: bigint; gifts: number };

/** At most `limit` of each per currency, by what donors chose to give (covered fees left out). */
export async function topFundsAndCampaigns(
  organisationId: string,
  timeZone: string,
  period: ReportPeriod,
  limit = 5,
): Promise<{ funds: TopTarget[]; campaigns: TopTarget[] }> {
  const paid = Prisma.sql`d."organisationId" = ${organisationId} AND d.status IN ${PAID_STATUSES}
    AND ${withinPeriod(Prisma.sql`d."succeededAt"`, timeZone, period)}`;
  const top = async (column: Prisma.Sql, table: Prisma.Sql) => {
    const rows = await db.$queryRaw<Array<{ currency: string; id: string; name: string; amount: bigint; gifts: bigint }>>`
      SELECT currency, id, name, amount, gifts FROM (
        SELECT d.currency, t.id, t.name, SUM(d.amount)::bigint AS amount, COUNT(*)::bigint AS gifts,
          ROW_NUMBER() OVER (PARTITION BY d.currency ORDER BY SUM(d.amount) DESC, t.name) AS rank
        FROM "Donation" d JOIN ${table} t ON t.id = ${column}
        WHERE ${paid}
        GROUP BY d.currency, t.id, t.name
      ) ranked
      WHERE rank <= ${limit}
      ORDER BY currency, rank`;
    return rows.map((row) => ({ ...row, gifts: Number(row.gifts) }));
  };
  const [funds, campaigns] = await Promise.all([top(Prisma.sql`d."fundId"`, Prisma.sql`"Fund"`), top(Prisma.sql`d."campaignId"`, Prisma.sql`"Campaign"`)]);
  return { funds, campaigns };
}
