// The worker's side of bulk statements (docs/statements.md#bulk-runs): take a run nobody holds,
// handle its donors in batches after its cursor, each batch in one transaction that also moves the
// cursor, and finish it. A worker holds a run by a lease; one that dies lets another take over
// when the lease runs out, and a batch whose lease was lost is rolled back, never written twice.
import "server-only";
import { db } from "@/lib/db/client";
import { claimLeasedRun } from "@/lib/jobs/claim-leased-run";
import { Prisma, type StatementRun } from "@/lib/db/generated/client.ts";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { log } from "@/lib/logger";
import { calendarDate } from "@/lib/organisations/time-zone";
import { statementDonorsSql } from "./statement-donors";
import { yearWindow } from "./statement-content";

const LEASE_MS = 2 * 60_000;

class LeaseLost extends Error {}

type Options = {
  batchSize?: number;
  leaseMs?: number;
  /** Batches before the worker lets go of the run (and lets the outbox have a turn). */
  maxBatches?: number;
  /** Called after each committed batch (tests stop a worker here, as a crash would). */
  afterBatch?: () => void | Promise<void>;
};

function claimRun(leaseMs: number): Promise<StatementRun | null> {
  return claimLeasedRun<StatementRun>("StatementRun", leaseMs);
}

/** One batch: returns false when the run has no donors left (and is then marked done). */
async function runBatch(run: StatementRun, batchSize: number, leaseMs: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Holding the lease is checked and the run locked first: a worker that lost it writes nothing.
    const [held] = await tx.$queryRaw<Array<{ cursor: string | null; timeZone: string }>>`
      SELECT r.cursor, o."timeZone" FROM "StatementRun" r JOIN "Organisation" o ON o.id = r."organisationId"
      WHERE r.id = ${run.id} AND r."leaseToken" = ${run.leaseToken} AND r."leaseUntil" > NOW() AND r.state = 'running'
      FOR UPDATE OF r`;
    if (!held) throw new LeaseLost();
    const after = held.cursor ? Prisma.sql`AND d.id > ${held.cursor}` : Prisma.empty;
    const donors = await tx.$queryRaw<Array<{ id: string; email: string }>>(
      statementDonorsSql(run.organisationId, run.year, Prisma.sql`d.id, d.email`, Prisma.sql`${after} ORDER BY d.id LIMIT ${batchSize}`),
    );
    if (donors.length === 0) {
      await tx.statementRun.update({
        where: { id: run.id },
        data: { state: "done", finishedAt: new Date(), leaseToken: null, leaseUntil: null, lastError: null },
      });
      return false;
    }
    // The window is wider than the year: whether a gift is of that year is the organisation's calendar's say.
    const { from, to } = yearWindow(run.year);
    const gifts = await tx.donation.findMany({
      where: {
        organisationId: run.organisationId,
        donorId: { in: donors.map((donor) => donor.id) },
        paymentStatus: "succeeded",
        status: { not: "disputed" },
        succeededAt: { gte: from, lt: to },
      },
      select: { donorId: true, succeededAt: true, chargedAmount: true, refundedAmount: true },
    });
    const counted = new Set(
      gifts
        .filter((gift) => gift.succeededAt && gift.chargedAmount > gift.refundedAmount && calendarDate(gift.succeededAt, held.timeZone).year === run.year)
        .map((gift) => gift.donorId),
    );
    let emailed = 0;
    for (const donor of donors) {
      const outcome = counted.has(donor.id) ? "emailed" : "skipped";
      const inserted = await tx.statementRunItem.createMany({ data: [{ runId: run.id, donorId: donor.id, outcome }], skipDuplicates: true });
      if (inserted.count === 1 && outcome === "emailed") {
        emailed++;
        await enqueueEmail(tx, {
          to: donor.email,
          subject: `Your ${run.year} donation statement`,
          text: "(Written when sent.)",
          kind: "statement",
          statement: { donorId: donor.id, year: run.year },
          dedupeKey: `statement:${run.id}:${donor.id}`,
        });
      }
    }
    await tx.$executeRaw`
      UPDATE "StatementRun" SET cursor = ${donors[donors.length - 1]?.id ?? null},
        "doneCount" = (SELECT count(*) FROM "StatementRunItem" WHERE "runId" = ${run.id}),
        "emailedCount" = "emailedCount" + ${emailed},
        "leaseUntil" = NOW() + ${`${leaseMs} milliseconds`}::interval
      WHERE id = ${run.id}`;
    return true;
  });
}

/**
 * Take one run and work through it (up to `maxBatches` batches, then let it go for the next turn).
 * Returns the number of batches committed: 0 when there was nothing to do.
 */
export async function processStatementRuns(options: Options = {}): Promise<{ batches: number }> {
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const run = await claimRun(leaseMs);
  if (!run) return { batches: 0 };
  let batches = 0;
  try {
    while (batches < maxBatches) {
      const more = await runBatch(run, batchSize, leaseMs);
      batches++;
      if (!more) return { batches };
      await options.afterBatch?.();
    }
    await db.statementRun.updateMany({ where: { id: run.id, leaseToken: run.leaseToken }, data: { leaseToken: null, leaseUntil: null, lastError: null } });
    return { batches };
  } catch (error) {
    if (error instanceof LeaseLost) {
      log.info("statement run taken over by another worker", { runId: run.id });
      return { batches };
    }
    // Kept for the operator (the page only says the run is retrying); the run is taken up again
    // once the lease runs out.
    const reason = error instanceof Error ? error.message : String(error);
    await db.statementRun.updateMany({ where: { id: run.id, leaseToken: run.leaseToken }, data: { lastError: reason.slice(0, 500) } }).catch(() => undefined);
    throw error;
  }
}
