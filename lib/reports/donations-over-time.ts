// Donations over time for the overview's chart: paid gifts per day, week or month of the
// organisation's calendar, one series per currency, empty buckets included (docs/reports.md#chart).
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { PAID_STATUSES, type ReportPeriod, withinPeriod } from "@/lib/reports/report-period";

export type ChartUnit = "day" | "week" | "month";
export type ChartPoint = { start: string; amount: bigint; gifts: number };
export type ChartSeries = { currency: string; unit: ChartUnit; points: ChartPoint[] };

const DAY = 86_400_000;
const toTime = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Days up to a month, weeks (starting Monday) up to four months, months beyond. */
export function chartUnit(period: ReportPeriod): ChartUnit {
  const days = (toTime(period.to) - toTime(period.from)) / DAY + 1;
  return days <= 31 ? "day" : days <= 122 ? "week" : "month";
}

/** The first day of each bucket the period touches (the first may start before the period). */
export function bucketStarts(period: ReportPeriod, unit: ChartUnit): string[] {
  const first = new Date(toTime(period.from));
  if (unit === "week") first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  if (unit === "month") first.setUTCDate(1);
  const starts: string[] = [];
  for (const day = first; day.getTime() <= toTime(period.to);) {
    starts.push(toIso(day.getTime()));
    if (unit === "day") day.setUTCDate(day.getUTCDate() + 1);
    else if (unit === "week") day.setUTCDate(day.getUTCDate() + 7);
    else day.setUTCMonth(day.getUTCMonth() + 1);
  }
  return starts;
}

export async function donationsOverTime(organisationId: string, timeZone: string, period: ReportPeriod): Promise<ChartSeries[]> {
  const unit = chartUnit(period);
  const rows = await db.$queryRaw<Array<{ currency: string; start: string; amount: bigint; gifts: bigint }>>`
    SELECT d.currency,
      to_char(date_trunc(${unit}, (d."succeededAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}), 'YYYY-MM-DD') AS start,
      SUM(d."chargedAmount")::bigint AS amount, COUNT(*)::bigint AS gifts
    FROM "Donation" d
    WHERE d."organisationId" = ${organisationId} AND d.status IN ${PAID_STATUSES}
      AND ${withinPeriod(Prisma.sql`d."succeededAt"`, timeZone, period)}
    GROUP BY 1, 2`;
  const starts = bucketStarts(period, unit);
  const currencies = [...new Set(rows.map((row) => row.currency))].sort();
  return currencies.map((currency) => {
    const byStart = new Map(rows.filter((row) => row.currency === currency).map((row) => [row.start, row]));
    return {
      currency,
      unit,
      points: starts.map((start) => ({ start, amount: byStart.get(start)?.amount ?? 0n, gifts: Number(byStart.get(start)?.gifts ?? 0n) })),
    };
  });
}
