import { z } from "zod";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { isSupportedCurrency } from "@/lib/money/currencies";

export const DONATION_STATUSES = ["pending", "processing", "succeeded", "failed", "disputed", "partially_refunded", "refunded"] as const;

const t = dashboardText("donations");

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, t("filterErrors.dateFormat"))
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: t("filterErrors.notADay"),
  });
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, t("filterErrors.fromList"));

/** Each filter on its own, so that one bad value is named and the others still apply. */
const FIELDS = {
  q: z.string().trim().max(200, t("filterErrors.search")),
  from: day,
  to: day,
  status: z.enum(DONATION_STATUSES, { error: t("filterErrors.status") }),
  method: z.string().regex(/^[a-z_]{2,40}$/, t("filterErrors.method")),
  fund: id,
  campaign: id,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => /^[A-Z]{3}$/.test(code) && isSupportedCurrency(code), { message: t("filterErrors.currency") }),
  kind: z.enum(["one_off", "recurring"], { error: t("filterErrors.kind") }),
  after: z
    .string()
    .regex(/^\d{1,9}$/, t("filterErrors.page"))
    .transform(Number),
} as const;

type Fields = typeof FIELDS;
export type DonationFilters = { -readonly [K in keyof Fields]?: z.output<Fields[K]> };

/**
 * The donations view's query (docs/reports.md#donations-view), read from the URL: the filters that
 * are valid, and a message for each that is not (the page shows them; it never fails).
 */
export function parseDonationFilters(query: Record<string, string | string[] | undefined>) {
  const filters: DonationFilters = {};
  const errors: Partial<Record<keyof Fields, string>> = {};
  for (const key of Object.keys(FIELDS) as Array<keyof Fields>) {
    const raw = query[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    const parsed = FIELDS[key].safeParse(value);
    if (parsed.success) (filters as Record<string, unknown>)[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? t("filterErrors.invalid");
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = t("filterErrors.order");
    delete filters.to;
  }
  return { filters, errors };
}

/** The query string for these filters (without the page cursor unless given). */
export function filterQuery(filters: DonationFilters, after?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (key !== "after" && value !== undefined && value !== "") params.set(key, String(value));
  if (after !== undefined) params.set("after", String(after));
  const text = params.toString();
  return text ? `?${text}` : "";
}
