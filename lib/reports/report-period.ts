// A report's period: calendar days in the organisation's zone, both ends included, as ISO dates
// ("2027-01-31"). The SQL turns them into instants with `AT TIME ZONE` (docs/reports.md#periods).
import "server-only";
import { Prisma } from "@/lib/db/generated/client.ts";

export type ReportPeriod = { from: string; to: string };

/**
 * `column` (a `timestamp(3)` holding UTC, as Prisma writes DateTime) falls within the period's days
 * in `timeZone`. The bounds are computed once, so an index on the column still serves the range.
 */
export function withinPeriod(column: Prisma.Sql, timeZone: string, period: ReportPeriod): Prisma.Sql {
  return Prisma.sql`${column} >= ((${period.from}::date)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'
    AND ${column} < ((${period.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AT TIME ZONE 'UTC'`;
}

/** A gift that was paid: its status now may be refunded or disputed, it still came in. */
export const PAID_STATUSES = Prisma.sql`('succeeded', 'partially_refunded', 'refunded', 'disputed')`;
