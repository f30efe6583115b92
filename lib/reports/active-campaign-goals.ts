// Goal progress for the overview: each running campaign with a goal, its bars as its page shows them.
import "server-only";
import { campaignTiming } from "@/lib/campaigns/calendar";
import { campaignTotals } from "@/lib/campaigns/campaign-totals";
import { type GoalBar, goalProgress } from "@/lib/campaigns/goal-progress";
import { db } from "@/lib/db/client";

export type CampaignGoals = { id: string; name: string; bars: GoalBar[] };

/** Running campaigns (not archived, not ended) with at least one goal, newest first, at most `limit`. */
export async function activeCampaignGoals(organisationId: string, timeZone: string, now: Date, limit = 10): Promise<CampaignGoals[]> {
  const campaigns = await db.campaign.findMany({
    where: { organisationId, active: true, OR: [{ endsAt: null }, { endsAt: { gt: now } }], currencies: { some: { goalAmount: { gt: 0n } } } },
    select: { id: true, name: true, startsAt: true, endsAt: true, active: true, currencies: { select: { currency: true, goalAmount: true } } },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const running = campaigns.filter((campaign) => campaignTiming(campaign, now, timeZone).state === "running");
  return Promise.all(
    running.map(async (campaign) => {
      const totals = await campaignTotals(organisationId, campaign.id);
      return { id: campaign.id, name: campaign.name, bars: goalProgress(campaign.currencies, totals.raised) };
    }),
  );
}
