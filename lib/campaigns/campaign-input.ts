// What an admin types to create or change a campaign, read and checked on its own: the title,
// address, Markdown story, dates (calendar days), goals and suggested amounts per currency, and the
// picture. What needs the organisation (its currencies, its funds, a free address) is checked when
// the campaign is written (lib/campaigns/save-campaign.ts).
import { z } from "zod";
import type { FormObject } from "@/lib/api/form-data";
import { formatMoney, parseAmount } from "@/lib/money/amount";
import { isSupportedCurrency, MAXIMUM_CHARGE, MoneyError } from "@/lib/money/currencies";
import { assertChargeable } from "@/lib/money/limits";
import { slugField } from "@/lib/organisations/organisation-input";
import { readImageField, type ImageChange } from "@/lib/images/read-image-field";
import { CAMPAIGN_IMAGE_SIDE } from "@/lib/images/prepare-image";
import { dashboardText } from "@/lib/i18n/dashboard-text";

// The dashboard is English for now; its messages still come from the message files.
const message = dashboardText("campaigns");

export const MAX_STORY_LENGTH = 10_000;
export const MAX_SUGGESTED_AMOUNTS = 6;
/** A goal may be up to a thousand of Stripe's largest charges: more is a typing slip. */
export const MAX_GOAL_MINOR = MAXIMUM_CHARGE * 1000;

export type CampaignCurrencyInput = { currency: string; goalAmount: bigint | null; suggestedAmounts: bigint[] };

export type CampaignInput = {
  name: string;
  slug: string;
  story: string | null;
  fundId: string | null;
  /** Calendar days ("YYYY-MM-DD") in the organisation's time zone; the end day is the last day gifts are taken. */
  startsOn: string | null;
  endsOn: string | null;
  currencies: CampaignCurrencyInput[];
  image: ImageChange;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (text: string) => DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

const text = (form: FormObject, name: string) => {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first.trim() : "";
};

const baseFields = z.object({
  name: z.string().min(2, message("validation.titleShort")).max(120, message("validation.titleLong")),
  slug: slugField,
  story: z.string().max(MAX_STORY_LENGTH, message("validation.storyLong", { max: MAX_STORY_LENGTH.toLocaleString("en-GB") })),
  fundId: z.string().max(40),
});

function readAmount(value: string, currency: string): number | string {
  try {
    return parseAmount(value, currency);
  } catch (error) {
    if (error instanceof MoneyError) return error.message;
    throw error;
  }
}

/** The currencies the form names in `goal.<CUR>` and `suggested.<CUR>` fields, with what was typed for each. */
function readCurrencies(form: FormObject, fieldErrors: Record<string, string>): CampaignCurrencyInput[] {
  const codes = new Set<string>();
  for (const name of Object.keys(form)) {
    const match = /^(?:goal|suggested)\.([A-Za-z]{3})$/.exec(name);
    if (match?.[1]) codes.add(match[1].toUpperCase());
  }
  const currencies: CampaignCurrencyInput[] = [];
  for (const currency of [...codes].sort()) {
    const goalText = text(form, `goal.${currency}`);
    const suggestedText = text(form, `suggested.${currency}`);
    if (!goalText && !suggestedText) continue;
    if (!isSupportedCurrency(currency)) {
      fieldErrors[`goal.${currency}`] = message("validation.unsupportedCurrency", { currency });
      continue;
    }
    let goalAmount: bigint | null = null;
    if (goalText) {
      const goal = readAmount(goalText, currency);
      if (typeof goal === "string") fieldErrors[`goal.${currency}`] = message("validation.goalUnreadable", { currency, reason: goal });
      else if (goal <= 0) fieldErrors[`goal.${currency}`] = message("validation.goalZero", { currency });
      else if (goal > MAX_GOAL_MINOR)
        fieldErrors[`goal.${currency}`] = message("validation.goalTooHigh", { currency, max: formatMoney(MAX_GOAL_MINOR, currency) });
      else goalAmount = BigInt(goal);
    }
    const suggestedAmounts: bigint[] = [];
    const parts = suggestedText ? suggestedText.split(/(?:,\s+|[;\s])+/).filter(Boolean) : [];
    if (parts.length > MAX_SUGGESTED_AMOUNTS) {
      fieldErrors[`suggested.${currency}`] = message("validation.tooManySuggested", { max: MAX_SUGGESTED_AMOUNTS, currency });
    } else {
      for (const part of parts) {
        const amount = readAmount(part, currency);
        try {
          if (typeof amount === "string") throw new MoneyError(amount, "invalid_amount");
          assertChargeable(amount, currency);
          if (!suggestedAmounts.includes(BigInt(amount))) suggestedAmounts.push(BigInt(amount));
        } catch (error) {
          if (!(error instanceof MoneyError)) throw error;
          fieldErrors[`suggested.${currency}`] = message("validation.suggestedUnreadable", { part, currency, reason: error.message });
          break;
        }
      }
      suggestedAmounts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    currencies.push({ currency, goalAmount, suggestedAmounts });
  }
  return currencies;
}

/** Read the campaign form; returns the input, or the field errors keyed by field name. */
export async function readCampaignForm(form: FormObject): Promise<{ ok: true; input: CampaignInput } | { ok: false; fieldErrors: Record<string, string> }> {
  const fieldErrors: Record<string, string> = {};
  const parsed = baseFields.safeParse({ name: text(form, "name"), slug: text(form, "slug"), story: text(form, "story"), fundId: text(form, "fundId") });
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;

  const startsOn = text(form, "startsOn") || null;
  const endsOn = text(form, "endsOn") || null;
  if (startsOn && !isCalendarDate(startsOn)) fieldErrors.startsOn = message("validation.startsOn");
  if (endsOn && !isCalendarDate(endsOn)) fieldErrors.endsOn = message("validation.endsOn");
  if (startsOn && endsOn && !fieldErrors.startsOn && !fieldErrors.endsOn && endsOn < startsOn) {
    fieldErrors.endsOn = message("validation.endsBeforeStart");
  }

  const currencies = readCurrencies(form, fieldErrors);
  const image = await readImageField(form.image, text(form, "removeImage") === "on", { maxSide: CAMPAIGN_IMAGE_SIDE });
  if (!image.ok) fieldErrors.image = image.error;

  if (!parsed.success || !image.ok || Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const { name, slug, story, fundId } = parsed.data;
  return { ok: true, input: { name, slug, story: story || null, fundId: fundId || null, startsOn, endsOn, currencies, image: image.image } };
}

/** The campaign form as a server action's schema (lib/auth/organisation-action.ts): field errors become zod issues. */
export function campaignFormSchema() {
  return z
    .custom<FormObject>((value) => typeof value === "object" && value !== null)
    .transform(async (form, ctx): Promise<CampaignInput & { campaignId: string }> => {
      const read = await readCampaignForm(form);
      if (!read.ok) {
        for (const [path, message] of Object.entries(read.fieldErrors)) ctx.addIssue({ code: "custom", path: [path], message });
        return z.NEVER;
      }
      return { ...read.input, campaignId: text(form, "campaignId") };
    });
}
