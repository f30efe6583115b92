"use client";

import { useLocale, useTranslations } from "next-intl";
import { controlClass, FieldError, FieldFrame } from "@/components/ui/field";
import type { DonationFieldErrors } from "@/lib/donations/donation-field-errors";
import type { DonationFrequency } from "@/lib/donations/donation-request";
import { formatMoney } from "@/lib/money/amount";
import { amountInputText, type DonationFigures } from "./donation-figures";
import { useAmountError } from "./use-field-messages";

/** The fee is covered on every installment, and said so ("per month ... every month"). */
const COVER_FEE = { once: "gift.coverFeeOnce", monthly: "gift.coverFeeMonthly", yearly: "gift.coverFeeYearly" } as const;

/** "Your gift": currency, suggested and typed amount, fee cover, and the fund it goes to. */
export function GiftFieldset({
  idPrefix,
  organisationName,
  acceptedCurrencies,
  currency,
  presets,
  onCurrencyChange,
  amountText,
  onAmountTextChange,
  coverFee,
  onCoverFeeChange,
  frequencies,
  frequency,
  onFrequencyChange,
  figures,
  funds,
  fund,
  onFundChange,
  errors,
}: {
  idPrefix: string;
  organisationName: string;
  acceptedCurrencies: string[];
  currency: string;
  /** The suggested amounts in `currency`, minor units. */
  presets: number[];
  onCurrencyChange: (currency: string) => void;
  amountText: string;
  onAmountTextChange: (text: string) => void;
  coverFee: boolean;
  onCoverFeeChange: (cover: boolean) => void;
  /** The frequencies offered (null: one-off gifts only). */
  frequencies: DonationFrequency[] | null;
  frequency: DonationFrequency;
  onFrequencyChange: (frequency: DonationFrequency) => void;
  figures: DonationFigures;
  /** The funds a donor may choose from; null when the page's address fixed the fund or campaign. */
  funds: Array<{ slug: string; name: string }> | null;
  fund: string;
  onFundChange: (fund: string) => void;
  errors: DonationFieldErrors;
}) {
  const t = useTranslations("give");
  // The Intl locale the provider was given ("de-DE"): amounts are written and read the language's way.
  const intl = useLocale();
  const amountError = useAmountError(currency);
  const money = (amount: number | bigint) => formatMoney(amount, currency, intl);
  return (
    <fieldset className="grid min-w-0 gap-4">
      <legend className="mb-2 text-lg font-semibold">{t("gift.legend")}</legend>
      {frequencies ? (
        <fieldset className="grid gap-2" aria-describedby={errors.frequency ? `${idPrefix}-frequency-error` : undefined}>
          <legend className="mb-1 text-sm font-medium">{t("gift.howOften")}</legend>
          <div className="grid grid-cols-3 gap-2">
            {frequencies.map((option) => {
              const checked = frequency === option;
              return (
                <label
                  key={option}
                  className={`flex min-h-12 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-teal-400 ${checked ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:border-teal-700"}`}
                >
                  <input type="radio" name="frequency" value={option} checked={checked} onChange={() => onFrequencyChange(option)} className="sr-only" />
                  {t(`gift.${option}`)}
                </label>
              );
            })}
          </div>
          <FieldError id={`${idPrefix}-frequency-error`} error={errors.frequency} announce={false} />
        </fieldset>
      ) : null}
      {acceptedCurrencies.length > 1 ? (
        <FieldFrame id={`${idPrefix}-currency`} label={t("gift.currency")} error={errors.currency} announceError={false}>
          {(control) => (
            <select {...control} value={currency} onChange={(event) => onCurrencyChange(event.target.value)} className={`${controlClass} w-full sm:w-40`}>
              {acceptedCurrencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      ) : null}
      <div role="radiogroup" aria-label={t("gift.suggested")} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {presets.map((preset) => {
          const text = amountInputText(preset, currency, intl);
          const checked = amountText === text;
          return (
            <label
              key={preset}
              className={`flex min-h-12 cursor-pointer items-center justify-center rounded-lg border text-base font-semibold has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-teal-400 ${checked ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-900 hover:border-teal-700"}`}
            >
              <input type="radio" name="preset" value={text} checked={checked} onChange={() => onAmountTextChange(text)} className="sr-only" />
              {money(preset)}
            </label>
          );
        })}
      </div>
      {/* What is wrong with a typed amount shows as it is typed: the button would otherwise offer a figure the donor did not mean. */}
      <FieldFrame
        id={`${idPrefix}-amount`}
        label={t("gift.amount", { currency })}
        error={errors.amount ?? (!figures.ok && amountText.trim() !== "" ? amountError(figures) : undefined)}
        announceError={false}
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            value={amountText}
            onChange={(event) => onAmountTextChange(event.target.value)}
            className={`${controlClass} w-full sm:w-48`}
          />
        )}
      </FieldFrame>
      {figures.canCoverFee ? (
        <label className="flex items-start gap-3 rounded-lg bg-teal-50 p-3 text-sm">
          <input type="checkbox" checked={coverFee} onChange={(event) => onCoverFeeChange(event.target.checked)} className="mt-1 size-5" />
          <span>
            {figures.ok
              ? t.rich(COVER_FEE[frequency], {
                  extra: money(figures.feeExtra),
                  amount: money(figures.amount),
                  organisation: organisationName,
                  strong: (chunks) => <strong data-testid="fee-extra">{chunks}</strong>,
                })
              : t("gift.coverFeeNoAmount", { organisation: organisationName })}{" "}
            <span className="text-slate-600">{t("gift.feeEstimate")}</span>
          </span>
        </label>
      ) : null}
      <FieldError id={`${idPrefix}-coverFee-error`} error={errors.coverFee} announce={false} />
      {funds ? (
        <FieldFrame id={`${idPrefix}-fund`} label={t("gift.giveTo")} error={errors.fund} announceError={false}>
          {(control) => (
            <select {...control} value={fund} onChange={(event) => onFundChange(event.target.value)} className={`${controlClass} w-full`}>
              <option value="">{t("gift.whereNeeded")}</option>
              {funds.map((option) => (
                <option key={option.slug} value={option.slug}>
                  {option.name}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      ) : null}
    </fieldset>
  );
}
