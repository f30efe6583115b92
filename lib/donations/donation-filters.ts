import { z } from "zod";
import { isSupportedCurrency } from "@/lib/money/currencies";

export const DONATION_STATUSES = ["pending", "processing", "succeeded", "failed", "disputed", "partially_refunded", "refunded"] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write dates as YYYY-MM-DD.")
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: "That is not a day of the calendar.",
  });
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose one from the list.");

/** Each filter on its own, so that one bad value is named and the others still apply. */
const FIELDS = {
  q: z.string().trim().max(200, "Search for at most 200 characters."),
  from: day,
  to: day,
  status: z.enum(DONATION_STATUSES, { error: "Choose a status from the list." }),
  method: z.string().regex(/^[a-z_]{2,40}$/, "Choose a payment method from the list."),
  fund: id,
  campaign: id,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => /^[A-Z]{3}$/.test(code) && isSupportedCurrency(code), { message: "Choose a currency from the list." }),
  kind: z.enum(["one_off", "recurring"], { error: "Choose one-off or recurring." }),
  after: z
    .string()
    .regex(/^\d{1,9}$/, "That page link is broken: start again from the first page.")
    .transform(Number),
} as const;

type Fields = typeof FIELDS;
export type DonationFilters = { -readonly [K in keyof Fields]?: z.output<Fields[K]> };

export const FILTER_LABELS: Record<keyof Fields, string> = {
  q: "Search",
  from: "From",
  to: "To",
  status: "Status",
  method: "Payment method",
  fund: "Fund",
  campaign: "Campaign",
  currency: "Currency",
  kind: "One-off or recurring",
  after: "Page",
};

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
    else errors[key] = parsed.error.issues[0]?.message ?? "This value is not valid.";
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = "The last date must not be before the first.";
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
