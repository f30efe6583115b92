// The worker's daily re-sync (docs/stripe.md#re-sync): every connected account whose last run was
// asked for more than a day ago gets one. Several workers may ask at once: the schedule is taken
// under one transaction-scoped advisory lock, and the statement after it sees every run another
// worker committed meanwhile, so one account gets one run a day.
import "server-only";
import { db } from "@/lib/db/client";

export const DAILY_MS = 24 * 3600_000;

/** Queue the day's runs; how many were queued. */
export async function scheduleDailyResyncs(): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('amply.resync.daily', 0))`;
    return tx.$executeRaw`
      INSERT INTO "StripeResync" (id, "organisationId", "stripeAccountId", "activeAccount", reason)
      SELECT gen_random_uuid()::text, o.id, o."stripeAccountId", o."stripeAccountId", 'daily'
      FROM "Organisation" o
      WHERE o."stripeAccountId" IS NOT NULL
        AND NOT EXISTS (
          SELECT 1 FROM "StripeResync" r
          WHERE r."stripeAccountId" = o."stripeAccountId"
            AND (r."createdAt" > NOW() - ${`${DAILY_MS} milliseconds`}::interval OR r.state IN ('queued', 'running'))
        )
      ON CONFLICT ("activeAccount") DO NOTHING`;
  });
}
