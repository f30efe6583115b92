import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";

/**
 * Archive (or reopen) one of this organisation's funds. Archived, donors cannot choose it and new
 * campaigns cannot collect for it; gifts already made keep it.
 */
export async function setFundArchived(organisationId: string, fundId: string, archived: boolean) {
  const { count } = await db.fund.updateMany({ where: { id: fundId, organisationId }, data: { active: !archived } });
  if (count === 0) throw new ApiError("not_found", "That fund does not exist (any more).");
}
