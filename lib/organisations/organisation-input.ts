// What an admin types to create or change an organisation, validated: the currencies it accepts
// are ones Stripe supports, and each has a fee rate (an estimate, never a fallback:
// docs/stripe.md#fees-are-an-estimate).
import { z } from "zod";
import type { FormObject } from "@/lib/api/form-data";
import { parseAmount } from "@/lib/money/amount";
import { getCurrency, isSupportedCurrency, MoneyError } from "@/lib/money/currencies";
import type { FeeFamily, FeeRate } from "@/lib/money/fees";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { STRIPE_COUNTRIES } from "./countries";
import { feeFamiliesFor, feeFieldName } from "./fee-rate-fields";
import { readLogoField, type LogoChange } from "./read-logo-field";

// The dashboard is English for now; its messages still come from the message files.
const message = dashboardText("organisations");

const RESERVED_SLUGS = new Set(["new", "api", "admin", "settings", "dashboard", "give", "signin", "dev"]);

/** "1.5" or "1,5 %" -> 150 basis points, by the digits (no floating point). */
const percentBps = (value: string) => {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(value);
  if (!match) return null;
  return Number(`${match[1]}${(match[2] ?? "").padEnd(2, "0")}`);
};

export const organisationFields = z.object({
  name: z.string().trim().min(2, message("validation.nameShort")).max(120, message("validation.nameLong")),
  email: z.email(message("validation.email")).max(254),
  country: z.enum(STRIPE_COUNTRIES, { error: message("validation.country") }),
  defaultCurrency: z.string().trim().toUpperCase().length(3, message("validation.defaultCurrency")),
  acceptedCurrencies: z.array(z.string().trim().toUpperCase()).min(1, message("validation.acceptedCurrencies")),
  /** The intervals the donation page offers recurring gifts in; none: one-off gifts only. */
  recurringIntervals: z.array(z.enum(["month", "year"], { error: message("validation.recurringIntervals") })),
  /**
   * The language donor pages and emails speak when neither the link nor the browser names one. A
   * form without the field (a page loaded before it existed) leaves the saved language as it is.
   */
  defaultLocale: z.enum(LOCALES, { error: message("form.defaultLocale.invalid") }).optional(),
});

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,46}[a-z0-9])$/, message("validation.slugFormat"))
  .refine((slug) => !RESERVED_SLUGS.has(slug), message("validation.slugReserved"));

export type OrganisationInput = {
  name: string;
  email: string;
  country: string;
  defaultCurrency: string;
  acceptedCurrencies: string[];
  recurringIntervals: Array<"month" | "year">;
  /** Absent: unchanged (English for a new organisation). */
  defaultLocale?: Locale;
  feeRates: Array<FeeRate & { family: FeeFamily; capMinor: number | null }>;
};

type FormValues = { get(name: string): string | null; getAll(name: string): string[] };

function formValues(form: FormObject): FormValues {
  const all = (name: string) => {
    const value = form[name];
    return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === "string");
  };
  return { get: (name) => all(name)[0] ?? null, getAll: all };
}

/** Read the organisation form. Returns the input, or field errors keyed by field name. */
function readOrganisationForm(values: FormValues): { ok: true; input: OrganisationInput } | { ok: false; fieldErrors: Record<string, string> } {
  const accepted = [
    ...new Set(
      values
        .getAll("acceptedCurrencies")
        .map(String)
        .concat(String(values.get("otherCurrencies") ?? "").split(/[\s,]+/))
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const raw = {
    name: values.get("name"),
    email: String(values.get("email") ?? "").trim(),
    country: values.get("country"),
    defaultCurrency: values.get("defaultCurrency"),
    acceptedCurrencies: accepted,
    recurringIntervals: [...new Set(values.getAll("recurringIntervals"))],
    defaultLocale: values.get("defaultLocale") ?? undefined,
  };
  const parsed = organisationFields.safeParse(raw);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  for (const currency of accepted) {
    if (!isSupportedCurrency(currency)) fieldErrors.acceptedCurrencies ??= message("validation.unsupportedCurrency", { currency });
  }
  const defaultCurrency = String(raw.defaultCurrency ?? "").toUpperCase();
  if (defaultCurrency && !accepted.includes(defaultCurrency)) fieldErrors.defaultCurrency ??= message("validation.defaultNotAccepted");
  const feeRates: OrganisationInput["feeRates"] = [];
  for (const currency of accepted) {
    if (!isSupportedCurrency(currency)) continue;
    for (const family of feeFamiliesFor(currency)) {
      const read = readFeeRate(values, currency, family);
      if ("errors" in read) Object.assign(fieldErrors, read.errors);
      else if (read.rate) feeRates.push(read.rate);
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return { ok: true, input: { ...parsed.data, feeRates } };
}

/**
 * One family's rate in one currency. Cards must have a rate (an empty fixed part is 0); the other
 * families may be left empty, and then have none (a donor paying that way cannot cover the fee).
 */
function readFeeRate(
  values: FormValues,
  currency: string,
  family: FeeFamily,
): { rate: OrganisationInput["feeRates"][number] | null } | { errors: Record<string, string> } {
  const text = (part: "percent" | "fixed" | "cap") => String(values.get(feeFieldName(currency, family, part)) ?? "").trim();
  const [percent, fixed, cap] = [text("percent"), text("fixed"), text("cap")];
  if (family !== "card" && !percent && !fixed && !cap) return { rate: null };
  const method = family === "card" ? currency : message("validation.familyMethod", { family: message(`form.feeFamily.${family}`), currency });
  const errors: Record<string, string> = {};
  const bps = family !== "card" && !percent ? 0 : percentBps(percent);
  if (bps === null || bps > 2_000) errors[feeFieldName(currency, family, "percent")] = message("validation.percent", { method });
  const minor = (value: string) => {
    try {
      return parseAmount(value, currency);
    } catch (error) {
      if (error instanceof MoneyError) return null;
      throw error;
    }
  };
  const fixedMinor = minor(fixed || "0");
  if (fixedMinor === null)
    errors[feeFieldName(currency, family, "fixed")] = message("validation.fixed", { method, example: getCurrency(currency).exponent ? "0.25" : "30" });
  const capMinor = cap ? minor(cap) : null;
  if (cap && capMinor === null) {
    const example = getCurrency(currency).exponent ? "5.00" : "500";
    errors[feeFieldName(currency, family, "cap")] =
      family === "card"
        ? message("validation.capCard", { currency, example })
        : message("validation.capFamily", { family: message(`validation.familyLower.${family}`), currency, example });
  }
  if (Object.keys(errors).length || bps === null || fixedMinor === null) return { errors };
  return { rate: { currency, family, percentBps: bps, fixedMinor, capMinor } };
}

/**
 * The organisation form as the zod schema of its server action (lib/auth/organisation-action.ts):
 * the fee rate fields are named after the currencies ticked, so the form is read as a whole. The
 * logo, if one is uploaded, is checked and re-encoded here too, so a refused image is a field error
 * and nothing is written. With `slug`, the address of a new organisation's page is read as well.
 */
export function organisationFormSchema<WithSlug extends boolean = false>(options: { slug?: WithSlug } = {}) {
  type Output = OrganisationInput & { logo: LogoChange } & (WithSlug extends true ? { slug: string } : object);
  return z
    .custom<FormObject>((value) => typeof value === "object" && value !== null)
    .transform(async (form, ctx): Promise<Output> => {
      const values = formValues(form);
      const read = readOrganisationForm(values);
      const fieldErrors = read.ok ? {} : { ...read.fieldErrors };
      let slug: string | undefined;
      if (options.slug) {
        const parsed = slugField.safeParse(values.get("slug") ?? "");
        if (parsed.success) slug = parsed.data;
        else fieldErrors.slug = parsed.error.issues[0]?.message ?? message("validation.slugMissing");
      }
      const logo = await readLogoField(form.logo, values.get("removeLogo") === "on");
      if (!logo.ok) fieldErrors.logo = logo.error;
      if (!read.ok || !logo.ok || Object.keys(fieldErrors).length) {
        for (const [path, message] of Object.entries(fieldErrors)) ctx.addIssue({ code: "custom", path: [path], message });
        return z.NEVER;
      }
      return { ...read.input, logo: logo.logo, ...(slug ? { slug } : {}) } as Output;
    });
}
