import type { CampaignTiming } from "@/lib/campaigns/calendar";

/** "12 donors · 5 days left" under a campaign's goals. */
export function CampaignFacts({ donors, timing }: { donors: number; timing: CampaignTiming }) {
  const daysLeft = timing.state === "running" ? timing.daysLeft : null;
  return (
    <p className="flex flex-wrap gap-x-4 text-sm text-slate-700" data-testid="campaign-facts">
      <span>
        <strong>{donors.toLocaleString("en-GB")}</strong> {donors === 1 ? "donor" : "donors"}
      </span>
      {daysLeft !== null ? <span>{daysLeft === 1 ? "Last day today" : `${daysLeft} days left`}</span> : null}
    </p>
  );
}
