// The period a Gift Aid export covers, as calendar days (end inclusive): by default the current UK
// tax year. The time zone is a parameter so that each organisation's own can be passed in.
import { z } from "zod";
import type { GiftAidPeriod } from "./gift-aid-claim";
import { ukTaxYearOf } from "./schedule-format";

const day = (what: string) =>
  z
    .string({ error: `Enter the ${what} date.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${what} date as a date, like 2026-04-06.`)
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
      message: `The ${what} date is not a date in the calendar.`,
    });

export const giftAidPeriodSchema = z
  .object({ start: day("first"), end: day("last") })
  .refine((period) => period.start <= period.end, { message: "The last date must not be before the first.", path: ["end"] });

/** The period the page shows: the one asked for, if it reads as one, else the current UK tax year. */
export function giftAidPeriodFrom(query: { start?: string; end?: string }, now: Date, timeZone: string): GiftAidPeriod & { asked: boolean; error?: string } {
  const fallback = { ...ukTaxYearOf(now, timeZone), timeZone };
  if (query.start === undefined && query.end === undefined) return { ...fallback, asked: false };
  const parsed = giftAidPeriodSchema.safeParse(query);
  if (!parsed.success) return { ...fallback, asked: true, error: parsed.error.issues[0]?.message ?? "That period cannot be read." };
  return { ...parsed.data, timeZone, asked: true };
}
