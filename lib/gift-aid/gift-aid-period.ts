// The period a Gift Aid export covers, as calendar days (end inclusive): by default the current UK
// tax year. The time zone is a parameter so that each organisation's own can be passed in.
import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import type { GiftAidPeriod } from "./gift-aid-claim";
import { ukTaxYearOf } from "./schedule-format";

const t = dashboardText("giftAid");

const day = (which: "first" | "last") =>
  z
    .string({ error: t("periodErrors.missing", { which }) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, t("periodErrors.format", { which }))
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), {
      message: t("periodErrors.notADay", { which }),
    });

export const giftAidPeriodSchema = z
  .object({ start: day("first"), end: day("last") })
  .refine((period) => period.start <= period.end, { message: t("periodErrors.order"), path: ["end"] });

/** The period the page shows: the one asked for, if it reads as one, else the current UK tax year. */
export function giftAidPeriodFrom(query: { start?: string; end?: string }, now: Date, timeZone: string): GiftAidPeriod & { asked: boolean; error?: string } {
  const fallback = { ...ukTaxYearOf(now, timeZone), timeZone };
  if (query.start === undefined && query.end === undefined) return { ...fallback, asked: false };
  const parsed = giftAidPeriodSchema.safeParse(query);
  if (!parsed.success) return { ...fallback, asked: true, error: parsed.error.issues[0]?.message ?? t("periodErrors.unreadable") };
  return { ...parsed.data, timeZone, asked: true };
}
