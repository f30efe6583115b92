"use client";
// The donation form's field errors in the page's language. The checks themselves are the server's
// schema (lib/donations/donation-request.ts) and the money parser, whose messages are English: in
// English the page shows them as they are (they name the exact problem); in another language it shows
// the field's own message from the give namespace, which says what to enter there.
// Gift Aid's fields stay English: Gift Aid is a UK scheme, declared in HMRC's English wording.
import { useLocale, useTranslations } from "next-intl";
import type { DonationField, DonationFieldErrors } from "@/lib/donations/donation-field-errors";
import { DEDICATION_MAX_LENGTH, NAME_MAX_LENGTH } from "@/lib/donations/donation-request-limits";
import { formatMoney } from "@/lib/money/amount";
import { getCurrency, MAXIMUM_CHARGE } from "@/lib/money/currencies";
import { presetsFor } from "./donation-figures";

const isEnglish = (intl: string) => intl.toLowerCase().startsWith("en");

/** Why a typed amount cannot be given, in the page's language. */
export function useAmountError(currency: string) {
  const t = useTranslations("give");
  const intl = useLocale();
  return (figures: { error: string; code?: string }) => {
    if (isEnglish(intl)) return figures.error;
    const money = (amount: number) => formatMoney(amount, currency, intl);
    const { minimumCharge, step } = getCurrency(currency);
    if (figures.code === "amount_too_small" && minimumCharge !== null) return t("fieldErrors.amountTooSmall", { currency, minimum: money(minimumCharge) });
    if (figures.code === "amount_too_large") return t("fieldErrors.amountTooLarge", { currency, maximum: money(MAXIMUM_CHARGE - (MAXIMUM_CHARGE % step)) });
    return t("fieldErrors.amount", { example: money(presetsFor(currency)[1] ?? 100) });
  };
}

/** The fields whose errors have a message of their own in every language. */
const TRANSLATED: Partial<Record<DonationField, true>> = {
  currency: true,
  frequency: true,
  email: true,
  name: true,
  dedication: true,
  fund: true,
  coverFee: true,
  method: true,
};

/** The errors with each translated field's message in the page's language (English: unchanged). */
export function useFieldMessages(currency: string) {
  const t = useTranslations("give");
  const intl = useLocale();
  return (errors: DonationFieldErrors): DonationFieldErrors => {
    if (isEnglish(intl)) return errors;
    const shown: DonationFieldErrors = { ...errors };
    for (const field of Object.keys(errors) as DonationField[]) {
      if (field === "amount") shown.amount = t("fieldErrors.amount", { example: formatMoney(presetsFor(currency)[1] ?? 100, currency, intl) });
      else if (field === "name") shown.name = t("fieldErrors.name", { max: NAME_MAX_LENGTH });
      else if (field === "dedication") shown.dedication = t("fieldErrors.dedication", { max: DEDICATION_MAX_LENGTH });
      else if (TRANSLATED[field]) shown[field] = t(`fieldErrors.${field as "currency" | "frequency" | "email" | "fund" | "coverFee" | "method"}`);
    }
    return shown;
  };
}
