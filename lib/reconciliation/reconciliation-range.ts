import { z } from "zod";
import { reportDay } from "@/lib/reports/report-query";

/** The longest range one run compares: a year is what an annual audit asks for. */
export const MAX_RECONCILIATION_DAYS = 366;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** A run's days: calendar days in the organisation's time zone, both included. */
export const reconciliationRange = z
  .object({ from: reportDay("first"), to: reportDay("last") })
  .refine((range) => range.from <= range.to, { message: "The last day must not be before the first.", path: ["to"] })
  .refine((range) => dayNumber(range.to) - dayNumber(range.from) < MAX_RECONCILIATION_DAYS, {
    message: `Compare at most ${MAX_RECONCILIATION_DAYS} days at a time.`,
    path: ["to"],
  });

export type ReconciliationRange = z.infer<typeof reconciliationRange>;
