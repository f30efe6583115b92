// What an admin types to create or change an organisation, validated: the currencies it accepts
// are ones Stripe supports, and each has a fee rate (ERRATA 4/5: an estimate, never a fallback).
import { z } from "zod";
import { parseAmount, toDecimalString } from "@/lib/money/amount";
import { getCurrency, isSupportedCurrency, MoneyError } from "@/lib/money/currencies";
import type { FeeRate } from "@/lib/money/fees";
import { STRIPE_COUNTRIES } from "./countries";

const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "dashboard", "give", "signin", "dev"]);

/** "1.5" or "1,5 %" -> 150 basis points, by the digits (no floating point). */
const percentBps = (value: string) => {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(value);
  if (!match) return null;
  return Number(`${match[1]}${(match[2] ?? "").padEnd(2, "0")}`);
};

export const organisationFields = z.object({
  name: z.string().trim().min(2, "Give your organisation's name (at least 2 characters).").max(120, "That name is too long (120 characters at most)."),
  email: z.email("Enter the email address donors can write to, like donations@example.org.").max(254),
  country: z.enum(STRIPE_COUNTRIES, { error: "Choose the country your organisation is registered in." }),
  defaultCurrency: z.string().trim().toUpperCase().length(3, "Choose a currency."),
  acceptedCurrencies: z.array(z.string().trim().toUpperCase()).min(1, "Accept at least one currency."),
  feeRates: z.array(z.object({ currency: z.string(), percent: z.string(), fixed: z.string() })),
});

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/, "Use 3 to 48 lowercase letters, digits and dashes, like save-the-river.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "That address is reserved; choose another.");

export type OrganisationInput = { name: string; email: string; country: string; defaultCurrency: string; acceptedCurrencies: string[]; feeRates: FeeRate[] };

/** Read the organisation form. Returns the input, or field errors keyed by field name. */
export function readOrganisationForm(form: FormData): { ok: true; input: OrganisationInput } | { ok: false; fieldErrors: Record<string, string> } {
  const accepted = [...new Set(form.getAll("acceptedCurrencies").map(String).concat(String(form.get("otherCurrencies") ?? "").split(/[\s,]+/)).map((c) => c.trim().toUpperCase()).filter(Boolean))];
  const raw = {
    name: form.get("name"),
    email: String(form.get("email") ?? "").trim(),
    country: form.get("country"),
    defaultCurrency: form.get("defaultCurrency"),
    acceptedCurrencies: accepted,
    feeRates: accepted.map((currency) => ({ currency, percent: String(form.get(`fee.${currency}.percent`) ?? ""), fixed: String(form.get(`fee.${currency}.fixed`) ?? "") })),
  };
  const parsed = organisationFields.safeParse(raw);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  for (const currency of accepted) {
    if (!isSupportedCurrency(currency)) fieldErrors.acceptedCurrencies ??= `${currency} is not a currency Stripe can charge in.`;
  }
  const defaultCurrency = String(raw.defaultCurrency ?? "").toUpperCase();
  if (defaultCurrency && !accepted.includes(defaultCurrency)) fieldErrors.defaultCurrency ??= "The default currency must be one you accept.";
  const feeRates: FeeRate[] = [];
  for (const rate of raw.feeRates) {
    if (!isSupportedCurrency(rate.currency)) continue;
    const bps = percentBps(rate.percent);
    if (bps === null || bps > 2_000) {
      fieldErrors[`fee.${rate.currency}.percent`] = `Give Stripe's percentage for ${rate.currency}, like 1.5 (at most 20).`;
      continue;
    }
    try {
      feeRates.push({ currency: rate.currency, percentBps: bps, fixedMinor: parseAmount(rate.fixed || "0", rate.currency) });
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      fieldErrors[`fee.${rate.currency}.fixed`] = `Give Stripe's fixed fee for ${rate.currency}, like ${getCurrency(rate.currency).exponent ? "0.25" : "30"}.`;
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return { ok: true, input: { ...parsed.data, feeRates } };
}

/** An organisation's fee rates as the form shows them ("1.5" and "0.25"). */
export function feeRateFormValues(rates: readonly FeeRate[]): Record<string, { percent: string; fixed: string }> {
  return Object.fromEntries(rates.map((rate) => [rate.currency, { percent: percentText(rate.percentBps), fixed: toDecimalString(rate.fixedMinor, rate.currency) }]));
}

/** 150 basis points -> "1.5" (the form's percentage), by the digits. */
export function percentText(bps: number): string {
  const digits = String(bps).padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.?0+$/, "");
}
