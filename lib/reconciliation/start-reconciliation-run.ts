import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { ReconciliationRange } from "./reconciliation-range";

/**
 * Ask the worker to compare the organisation's ledger with Stripe for these days (in its time zone
 * now). One run per organisation at a time: requests are serialised on the organisation's row, so a
 * double click makes one run.
 */
export async function startReconciliationRun(organisationId: string, range: ReconciliationRange, requestedById: string) {
  return db.$transaction(async (tx) => {
    const [organisation] = await tx.$queryRaw<Array<{ timeZone: string }>>`
      SELECT "timeZone" FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
    if (!organisation) throw new ApiError("not_found", "There is no such organisation.");
    const active = await tx.reconciliationRun.findFirst({ where: { organisationId, state: { in: ["queued", "running"] } } });
    if (active) throw new ApiError("conflict", "A reconciliation is already under way. Its progress is below; start another when it is done.");
    return tx.reconciliationRun.create({
      data: { organisationId, fromDay: range.from, toDay: range.to, timeZone: organisation.timeZone, requestedById },
    });
  });
}
