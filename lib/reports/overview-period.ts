// The overview's period, from the page's query: a preset (this month, last month, this year, the
// last 12 months) or two calendar days in the organisation's zone. Anything else is refused with a
// message, and the page shows this year (docs/reports.md#periods).
import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { calendarDate } from "@/lib/organisations/time-zone";

export type OverviewPeriod = { from: string; to: string };

/** The presets the page offers; their names are in the message files (overview.presets). */
export const OVERVIEW_PRESETS = [{ value: "this-month" }, { value: "last-month" }, { value: "this-year" }, { value: "last-12-months" }] as const;
export type OverviewPreset = (typeof OVERVIEW_PRESETS)[number]["value"];

/** Periods up to five years: the chart then has at most 60 monthly bars. */
const MAX_DAYS = 5 * 366;

const t = dashboardText("overview");

const day = (which: "first" | "last") =>
  z
    .string({ error: t("periodErrors.missing", { which }) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, t("periodErrors.format", { which }))
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
      message: t("periodErrors.notADay", { which }),
    });

export const overviewPresetSchema = z.object({
  period: z.enum(
    OVERVIEW_PRESETS.map((preset) => preset.value),
    { error: t("periodErrors.preset") },
  ),
});

export const overviewDaysSchema = z
  .object({ from: day("first"), to: day("last") })
  .refine((period) => period.from <= period.to, { message: t("periodErrors.order"), path: ["to"] })
  .refine((period) => (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 < MAX_DAYS, {
    message: t("periodErrors.tooLong"),
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
    if (!preset.success) return { ...fallback, error: preset.error.issues[0]?.message ?? t("periodErrors.unreadable") };
    return { ...presetPeriod(preset.data.period, now, timeZone), preset: preset.data.period };
  }
  const days = overviewDaysSchema.safeParse({ from: query.from, to: query.to });
  if (!days.success) return { ...fallback, error: days.error.issues[0]?.message ?? t("periodErrors.unreadable") };
  return days.data;
}
