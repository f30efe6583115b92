"use client";

import { useTranslations } from "next-intl";
import { controlClass, FieldFrame } from "@/components/ui/field";
import type { DonationFieldErrors } from "@/lib/donations/donation-field-errors";
import { DEDICATION_MAX_LENGTH } from "@/lib/donations/donation-request-limits";

export type DonorDetails = { name: string; email: string; anonymous: boolean; dedication: string };

/** "Your details": who gives, where the receipt goes, and an optional dedication. */
export function DonorFieldset({
  idPrefix,
  donor,
  nameRequired,
  onChange,
  errors,
}: {
  idPrefix: string;
  donor: DonorDetails;
  /** The chosen payment method needs the name (SEPA Direct Debit). */
  nameRequired: boolean;
  onChange: (change: Partial<DonorDetails>) => void;
  errors: DonationFieldErrors;
}) {
  const t = useTranslations("give");
  return (
    <fieldset className="grid min-w-0 gap-4">
      <legend className="mb-2 text-lg font-semibold">{t("donor.legend")}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldFrame
          id={`${idPrefix}-name`}
          label={
            nameRequired ? (
              t("donor.name")
            ) : (
              <>
                {t("donor.name")} <span className="font-normal text-slate-600">{t("donor.optional")}</span>
              </>
            )
          }
          hint={nameRequired ? t("donor.nameHint") : undefined}
          error={errors.name}
          announceError={false}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="name"
              required={nameRequired}
              value={donor.name}
              onChange={(event) => onChange({ name: event.target.value })}
              className={`${controlClass} w-full`}
            />
          )}
        </FieldFrame>
        <FieldFrame id={`${idPrefix}-email`} label={t("donor.email")} error={errors.email} announceError={false}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="email"
              required
              value={donor.email}
              onChange={(event) => onChange({ email: event.target.value })}
              className={`${controlClass} w-full`}
            />
          )}
        </FieldFrame>
      </div>
      <label className="flex items-center gap-3 text-sm">
        <input type="checkbox" checked={donor.anonymous} onChange={(event) => onChange({ anonymous: event.target.checked })} className="size-5" />
        {t("donor.anonymous")}
      </label>
      <FieldFrame
        id={`${idPrefix}-dedication`}
        label={
          <>
            {t("donor.dedication")} <span className="font-normal text-slate-600">{t("donor.optional")}</span>
          </>
        }
        error={errors.dedication}
        announceError={false}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={DEDICATION_MAX_LENGTH}
            value={donor.dedication}
            onChange={(event) => onChange({ dedication: event.target.value })}
            className={`${controlClass} w-full`}
            placeholder={t("donor.dedicationPlaceholder")}
          />
        )}
      </FieldFrame>
    </fieldset>
  );
}
