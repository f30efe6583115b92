import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";

/** Archive (or reopen) one of this organisation's campaigns: archived, its page says it has ended. */
export async function setCampaignArchived(organisationId: string, campaignId: string, archived: boolean) {
  const { count } = await db.campaign.updateMany({ where: { id: campaignId, organisationId }, data: { active: !archived } });
  if (count === 0) throw new ApiError("not_found", "That campaign does not exist (any more).");
}
