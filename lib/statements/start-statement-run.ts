import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { countStatementDonors } from "./statement-donors";

/**
 * Ask the worker to email every donor their statement for `year`. One run per organisation and year
 * at a time: requests are serialised on the organisation's row, so a double click makes one run.
 */
export async function startStatementRun(organisationId: string, year: number, requestedById: string) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
    const active = await tx.statementRun.findFirst({ where: { organisationId, year, state: { in: ["queued", "running"] } } });
    if (active) throw new ApiError("conflict", `The ${year} statements are already being sent. Their progress is below.`);
    const total = await countStatementDonors(tx, organisationId, year);
    return tx.statementRun.create({
      data: { organisationId, year, total, requestedById, state: total === 0 ? "done" : "queued", finishedAt: total === 0 ? new Date() : null },
    });
  });
}
