// Campaign dates are calendar days in the organisation's time zone (Settings > Receipts); the
// functions take any IANA zone.
import { dayIn } from "@/lib/organisations/time-zone";

const DAY_MS = 86_400_000;

/** The organisation's time zone: its campaigns start and end at midnight there. */
export function organisationTimeZone(organisation: { timeZone: string }): string {
  return organisation.timeZone;
}

/** Whole days from date `a` to date `b` (both "YYYY-MM-DD"). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export type CampaignTiming = { state: "running"; daysLeft: number | null } | { state: "not_started"; startsOn: string } | { state: "ended" };

/**
 * Where a campaign stands at `now`: archived or past `endsAt` it has ended; before `startsAt` it has
 * not started; otherwise it runs, with the days left counting today and the last day (the one before
 * `endsAt`, which is the start of the day after the campaign's last).
 */
export function campaignTiming(campaign: { startsAt: Date | null; endsAt: Date | null; active: boolean }, now: Date, timeZone: string): CampaignTiming {
  if (!campaign.active || (campaign.endsAt && now >= campaign.endsAt)) return { state: "ended" };
  if (campaign.startsAt && now < campaign.startsAt) return { state: "not_started", startsOn: dayIn(campaign.startsAt, timeZone) };
  if (!campaign.endsAt) return { state: "running", daysLeft: null };
  const lastDay = dayIn(new Date(campaign.endsAt.getTime() - 1), timeZone);
  return { state: "running", daysLeft: daysBetween(dayIn(now, timeZone), lastDay) + 1 };
}
