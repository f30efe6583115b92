// Campaign dates are calendar days in the organisation's time zone (Settings > Receipts); the
// functions take any IANA zone.

const DAY_MS = 86_400_000;

/** The organisation's time zone: its campaigns start and end at midnight there. */
export function organisationTimeZone(organisation: { timeZone: string }): string {
  return organisation.timeZone;
}

function wallClock(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** "YYYY-MM-DD": the date `instant` falls on in `timeZone`. */
export function calendarDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instant `date` ("YYYY-MM-DD") begins in `timeZone`. */
export function startOfDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // The zone's offset near that midnight, then corrected once more in case the offset changes in between.
  let guess = midnightAsUtc;
  for (let i = 0; i < 2; i++) {
    const clock = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
    guess = midnightAsUtc - (shown - guess);
  }
  return new Date(guess);
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
  if (campaign.startsAt && now < campaign.startsAt) return { state: "not_started", startsOn: calendarDate(campaign.startsAt, timeZone) };
  if (!campaign.endsAt) return { state: "running", daysLeft: null };
  const lastDay = calendarDate(new Date(campaign.endsAt.getTime() - 1), timeZone);
  return { state: "running", daysLeft: daysBetween(calendarDate(now, timeZone), lastDay) + 1 };
}
