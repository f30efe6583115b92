// The background jobs a person starts from the dashboard and leaves (bulk statements,
// reconciliation, re-sync) are rows the worker takes with a lease: one worker at a time works a
// run, and when that worker dies its lease lapses and another takes the run over where its cursor
// stands. This is the one claim they share; each job's own statements check the lease as they write.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";

/** The tables of leased runs: each has state, leaseToken, leaseUntil, startedAt and createdAt. */
export type LeasedRunTable = "StatementRun" | "ReconciliationRun" | "StripeResync";

/**
 * Take the oldest queued run, or a running one whose lease lapsed, for `leaseMs`; null when there
 * is none. SKIP LOCKED lets several workers claim at once without waiting on each other.
 * `alsoSet` adds to the same update (the re-sync counts its attempts).
 */
export async function claimLeasedRun<Run>(table: LeasedRunTable, leaseMs: number, alsoSet: Prisma.Sql = Prisma.empty): Promise<Run | null> {
  const name = Prisma.raw(`"${table}"`);
  const [run] = await db.$queryRaw<Run[]>`
    UPDATE ${name} SET state = 'running', "leaseToken" = ${randomUUID()}, ${alsoSet}
      "leaseUntil" = NOW() + ${`${leaseMs} milliseconds`}::interval, "startedAt" = COALESCE("startedAt", NOW())
    WHERE id = (
      SELECT id FROM ${name}
      WHERE state IN ('queued', 'running') AND ("leaseUntil" IS NULL OR "leaseUntil" < NOW())
      ORDER BY "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  return run ?? null;
}
