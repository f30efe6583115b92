"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/organisation-action";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/lib/images/limits";
import { toDecimalString } from "@/lib/money/amount";
import { getCurrency, MoneyError } from "@/lib/money/currencies";
import type { FeeFamily } from "@/lib/money/fees";
import { feeFamiliesFor, feeFieldName, type FeeRateFormValues } from "@/lib/organisations/fee-rate-fields";

const COMMON_CURRENCIES = ["EUR", "GBP", "USD", "CHF", "PLN", "SEK", "DKK", "NOK", "CAD", "AUD", "JPY"];

export type OrganisationFormValues = {
  organisationId?: string;
  name: string;
  slug?: string;
  email: string;
  /** The current logo, as Amply serves it. */
  logo?: { id: string; url: string } | null;
  country: string;
  defaultCurrency: string;
  acceptedCurrencies: string[];
  /** The intervals the donation page offers recurring gifts in. */
  recurringIntervals: Array<"month" | "year">;
  /** The language donor pages and emails speak when neither the link nor the browser names one. */
  defaultLocale: Locale;
  /** Per currency and payment method family: percentage text ("1.5"), fixed fee text ("0.25") and cap ("" for none). */
  feeRates: FeeRateFormValues;
};

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  values: OrganisationFormValues;
  countries: Array<{ code: string; name: string }>;
  submitLabel: string;
  withSlug?: boolean;
};

/** Create or edit an organisation: details, currencies, and the fee rates covering a fee needs. */
export function OrganisationForm({ action, values, countries, submitLabel, withSlug = false }: Props) {
  const t = useTranslations("organisations.form");
  const [state, formAction, pending] = useActionState(action, {});
  const [accepted, setAccepted] = useState<string[]>(values.acceptedCurrencies);
  const [other, setOther] = useState(values.acceptedCurrencies.filter((c) => !COMMON_CURRENCIES.includes(c)).join(", "));
  const [logoTooLarge, setLogoTooLarge] = useState(false);
  const errors = state.fieldErrors ?? {};
  const all = useMemo(() => {
    const others = other
      .split(/[\s,]+/)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => /^[A-Z]{3}$/.test(c));
    return [...new Set([...accepted, ...others])];
  }, [accepted, other]);

  // Submitting through onSubmit, not the form's action prop, keeps what the person typed (and the
  // file they chose) when the server refuses: React resets a form after every action it runs.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Next refuses bodies over its limit before the action runs, so a too-large file is caught here.
    if (logoTooLarge) return;
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  }

  return (
    <form action={formAction} onSubmit={submit} className="grid grid-cols-1 gap-5" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      {values.organisationId ? <input type="hidden" name="organisationId" value={values.organisationId} /> : null}
      <Field label={t("name")} name="name" defaultValue={values.name} required error={errors.name} autoComplete="organization" />
      {withSlug ? <Field label={t("slug")} name="slug" defaultValue={values.slug} required hint={t("slugHint")} error={errors.slug} /> : null}
      <Field label={t("email")} name="email" type="email" defaultValue={values.email} required error={errors.email} />
      <div className="grid grid-cols-1 gap-2">
        {values.logo ? (
          // eslint-disable-next-line @next/next/no-img-element -- already re-encoded to fit 512x512 and served immutable by Amply
          <img src={values.logo.url} alt={t("currentLogo")} className="h-14 w-auto self-start" />
        ) : null}
        <Field
          // A saved logo has a new id: the emptied input no longer holds the file just uploaded.
          key={values.logo?.id ?? "none"}
          label={values.logo ? t("replaceLogo") : t("logo")}
          name="logo"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          onChange={(event) => setLogoTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_IMAGE_BYTES)}
          hint={t("logoHint")}
          error={logoTooLarge ? t("imageTooLarge") : errors.logo}
        />
        {values.logo ? (
          <label key={values.logo.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="removeLogo" />
            {t("removeLogo")}
          </label>
        ) : null}
      </div>
      <div className="grid gap-1">
        <label htmlFor="field-country" className="text-sm font-medium text-slate-800">
          {t("country")}
        </label>
        <select
          id="field-country"
          name="country"
          defaultValue={values.country}
          aria-invalid={errors.country ? true : undefined}
          className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3"
        >
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
        {errors.country ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.country}
          </p>
        ) : null}
      </div>
      <div className="grid gap-1">
        <label htmlFor="field-defaultLocale" className="text-sm font-medium text-slate-800">
          {t("defaultLocale.label")}
        </label>
        <select
          id="field-defaultLocale"
          name="defaultLocale"
          defaultValue={values.defaultLocale}
          aria-describedby={errors.defaultLocale ? "field-defaultLocale-hint field-defaultLocale-error" : "field-defaultLocale-hint"}
          aria-invalid={errors.defaultLocale ? true : undefined}
          className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3"
        >
          {LOCALES.map((locale) => (
            // Each language named in itself, so a German speaker finds "Deutsch" whatever language the list is in.
            <option key={locale} value={locale} lang={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </select>
        <p id="field-defaultLocale-hint" className="text-sm text-slate-600">
          {t("defaultLocale.hint")}
        </p>
        {errors.defaultLocale ? (
          <p id="field-defaultLocale-error" role="alert" className="text-sm text-red-700">
            {errors.defaultLocale}
          </p>
        ) : null}
      </div>

      <fieldset className="grid gap-2 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold">{t("currencies")}</legend>
        <div className="flex flex-wrap gap-3">
          {COMMON_CURRENCIES.map((code) => (
            <label key={code} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3">
              <input
                type="checkbox"
                name="acceptedCurrencies"
                value={code}
                checked={accepted.includes(code)}
                onChange={(event) => setAccepted((current) => (event.target.checked ? [...current, code] : current.filter((c) => c !== code)))}
              />
              {code}
            </label>
          ))}
        </div>
        <Field
          label={t("otherCurrencies")}
          name="otherCurrencies"
          value={other}
          onChange={(event) => setOther(event.target.value)}
          hint={t("otherCurrenciesHint")}
          error={errors.acceptedCurrencies}
        />
        <div className="grid gap-1">
          <label htmlFor="field-defaultCurrency" className="text-sm font-medium text-slate-800">
            {t("defaultCurrency")}
          </label>
          <select
            id="field-defaultCurrency"
            name="defaultCurrency"
            defaultValue={values.defaultCurrency}
            className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3"
          >
            {all.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          {errors.defaultCurrency ? (
            <p role="alert" className="text-sm text-red-700">
              {errors.defaultCurrency}
            </p>
          ) : null}
        </div>
      </fieldset>

      <fieldset className="grid gap-2 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold">{t("recurring")}</legend>
        <div className="flex flex-wrap gap-3">
          {(
            [
              ["month", t("monthly")],
              ["year", t("yearly")],
            ] as const
          ).map(([interval, label]) => (
            <label key={interval} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3">
              <input type="checkbox" name="recurringIntervals" value={interval} defaultChecked={values.recurringIntervals.includes(interval)} />
              {label}
            </label>
          ))}
        </div>
        <p className="text-sm text-slate-600">{t("recurringHint")}</p>
        {errors.recurringIntervals ? (
          <p role="alert" className="text-sm text-red-700">
            {errors.recurringIntervals}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="grid gap-3 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold">{t("fees")}</legend>
        <p className="text-sm text-slate-600">{t("feesHint")}</p>
        {all.map((code) => (
          <fieldset key={code} className="grid gap-3 border-t border-slate-200 pt-3">
            <legend className="font-semibold">{code}</legend>
            {feeFamiliesFor(code).map((family) => (
              <FeeRateRow key={family} code={code} family={family} values={values.feeRates[code]?.[family]} errors={errors} />
            ))}
          </fieldset>
        ))}
      </fieldset>

      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? t("saving") : submitLabel}
      </Button>
    </form>
  );
}

/**
 * One method family's rate in one currency. The card fields keep their short labels ("Percentage
 * (EUR)"); the others name their method.
 */
function FeeRateRow({
  code,
  family,
  values,
  errors,
}: {
  code: string;
  family: FeeFamily;
  values: { percent: string; fixed: string; cap: string } | undefined;
  errors: Record<string, string | undefined>;
}) {
  const t = useTranslations("organisations.form");
  const card = family === "card";
  const familyLabel = t(`feeFamily.${family}`);
  const label = (part: string, cardLabel: string) =>
    card ? t("cardFieldLabel", { label: cardLabel, currency: code }) : t("familyFieldLabel", { family: familyLabel, part, currency: code });
  return (
    <div className="grid gap-3 sm:grid-cols-[9rem_1fr_1fr_1fr] sm:items-end">
      <p className="text-sm font-medium sm:pb-3">{familyLabel}</p>
      <Field
        label={label(t("partPercent"), t("percentage"))}
        name={feeFieldName(code, family, "percent")}
        inputMode="decimal"
        defaultValue={values?.percent ?? ""}
        hint={t("percentHint", { example: card ? "1.5" : family === "sepa_debit" ? "0" : "0.5" })}
        error={errors[feeFieldName(code, family, "percent")]}
      />
      <Field
        label={label(t("partFixed"), t("fixedFee"))}
        name={feeFieldName(code, family, "fixed")}
        inputMode="decimal"
        defaultValue={values?.fixed ?? ""}
        hint={fixedFeeHint(code, t)}
        error={errors[feeFieldName(code, family, "fixed")]}
      />
      <Field
        label={label(t("partCap"), t("cardFeeCap"))}
        name={feeFieldName(code, family, "cap")}
        inputMode="decimal"
        defaultValue={values?.cap ?? ""}
        hint={family === "bank_transfer" ? capHint(code, t) : t("capHintOptional")}
        error={errors[feeFieldName(code, family, "cap")]}
      />
    </div>
  );
}

type FormText = ReturnType<typeof useTranslations<"organisations.form">>;

/** Stripe caps a bank transfer's fee at 5.00 (or the local equivalent), in the currency's decimals. */
function capHint(code: string, t: FormText): string {
  try {
    return t("capHintExample", { example: toDecimalString(500 * 10 ** (getCurrency(code).exponent - 2), code) });
  } catch (error) {
    if (error instanceof MoneyError) return t("capHintPlain");
    throw error;
  }
}

/** An example fixed fee written in the currency's own decimals: "0.25" asks for cents yen do not have. */
function fixedFeeHint(code: string, t: FormText): string {
  try {
    const currency = getCurrency(code);
    if (currency.displayDecimals === 0) return t("fixedHintNoDecimals", { currency: code });
    return t("fixedHint", { example: toDecimalString(25 * 10 ** (currency.exponent - 2), code) });
  } catch (error) {
    // A code Stripe cannot charge in is reported on the currencies field when the form is sent.
    if (error instanceof MoneyError) return t("fixedHint", { example: "0.25" });
    throw error;
  }
}
