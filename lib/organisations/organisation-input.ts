// What an admin types to create or change an organisation, validated: the currencies it accepts
// are ones Stripe supports, and each has a fee rate (an estimate, never a fallback:
// docs/stripe.md#fees-are-an-estimate).
import { z } from "zod";
import type { FormObject } from "@/lib/api/form-data";
import { parseAmount, toDecimalString } from "@/lib/money/amount";
import { getCurrency, isSupportedCurrency, MoneyError } from "@/lib/money/currencies";
import type { FeeRate } from "@/lib/money/fees";
import { STRIPE_COUNTRIES } from "./countries";
import { readLogoField, type LogoChange } from "./read-logo-field";

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

export type OrganisationInput = {
  name: string;
  email: string;
  country: string;
  defaultCurrency: string;
  acceptedCurrencies: string[];
  feeRates: FeeRate[];
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
    feeRates: accepted.map((currency) => ({
      currency,
      percent: String(values.get(`fee.${currency}.percent`) ?? ""),
      fixed: String(values.get(`fee.${currency}.fixed`) ?? ""),
    })),
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
        else fieldErrors.slug = parsed.error.issues[0]?.message ?? "Choose an address.";
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

/** An organisation's fee rates as the form shows them ("1.5" and "0.25"). */
export function feeRateFormValues(rates: readonly FeeRate[]): Record<string, { percent: string; fixed: string }> {
  return Object.fromEntries(
    rates.map((rate) => [rate.currency, { percent: percentText(rate.percentBps), fixed: toDecimalString(rate.fixedMinor, rate.currency) }]),
  );
}

/** 150 basis points -> "1.5" (the form's percentage), by the digits. */
export function percentText(bps: number): string {
  const digits = String(bps).padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.?0+$/, "");
}
