// The overview's period, from the page's query: a preset (this month, last month, this year, the
// last 12 months) or two calendar days in the organisation's zone. Anything else is refused with a
// message, and the page shows this year (docs/reports.md#periods).
import { z } from "zod";
import { calendarDate } from "@/lib/organisations/time-zone";

export type OverviewPeriod = { from: string; to: string };

export const OVERVIEW_PRESETS = [
  { value: "this-month", label: "This month" },
  { value: "last-month", label: "Last month" },
  { value: "this-year", label: "This year" },
  { value: "last-12-months", label: "Last 12 months" },
] as const;
export type OverviewPreset = (typeof OVERVIEW_PRESETS)[number]["value"];

/** Periods up to five years: the chart then has at most 60 monthly bars. */
const MAX_DAYS = 5 * 366;

const day = (what: string) =>
  z
    .string({ error: `Enter the ${what} day.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} day as a date, like 2027-01-31.`)
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
      message: `The ${what} day is not a date in the calendar.`,
    });

export const overviewPresetSchema = z.object({
  period: z.enum(
    OVERVIEW_PRESETS.map((preset) => preset.value),
    { error: "Choose one of the periods offered." },
  ),
});

export const overviewDaysSchema = z
  .object({ from: day("first"), to: day("last") })
  .refine((period) => period.from <= period.to, { message: "The last day must not be before the first.", path: ["to"] })
  .refine((period) => (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 < MAX_DAYS, {
    message: "Choose a period of at most five years.",
    path: ["to"],
  });

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/** A preset's days, as the organisation's calendar has them on `now`. */
export function presetPeriod(preset: OverviewPreset, now: Date, timeZone: string): OverviewPeriod {
  const today = calendarDate(now, timeZone);
  const todayIso = iso(today.year, today.month, today.day);
  switch (preset) {
    case "this-month":
      return { from: iso(today.year, today.month, 1), to: todayIso };
    case "last-month":
      // Day 0 of this month is the last day of the one before.
      return { from: iso(today.year, today.month - 1, 1), to: iso(today.year, today.month, 0) };
    case "this-year":
      return { from: iso(today.year, 1, 1), to: todayIso };
    case "last-12-months":
      // The current month and the eleven whole months before it.
      return { from: iso(today.year, today.month - 11, 1), to: todayIso };
  }
}

/** The period to show: the query's when it reads as one, else this year (with the reason when one was asked for). */
export function overviewPeriodFrom(
  query: { period?: string; from?: string; to?: string },
  now: Date,
  timeZone: string,
): OverviewPeriod & { preset?: OverviewPreset; error?: string } {
  const fallback = { ...presetPeriod("this-year", now, timeZone), preset: "this-year" as const };
  if (query.period === undefined && query.from === undefined && query.to === undefined) return fallback;
  if (query.period !== undefined) {
    const preset = overviewPresetSchema.safeParse({ period: query.period });
    if (!preset.success) return { ...fallback, error: preset.error.issues[0]?.message ?? "That period cannot be read." };
    return { ...presetPeriod(preset.data.period, now, timeZone), preset: preset.data.period };
  }
  const days = overviewDaysSchema.safeParse({ from: query.from, to: query.to });
  if (!days.success) return { ...fallback, error: days.error.issues[0]?.message ?? "That period cannot be read." };
  return days.data;
}
