"use client";

import { controlClass, FieldError, FieldFrame } from "@/components/ui/field";
import type { DonationFieldErrors } from "@/lib/donations/donation-field-errors";
import { GIFT_AID_HOUSE_MAX_LENGTH } from "@/lib/donations/donation-request-limits";
import { giftAidDeclarationText } from "@/lib/gift-aid/declaration-wording";

export type GiftAidDetails = {
  declared: boolean;
  title: string;
  firstName: string;
  lastName: string;
  houseNameOrNumber: string;
  postcode: string;
  outsideUk: boolean;
  future: boolean;
};

export const NO_GIFT_AID: GiftAidDetails = {
  declared: false,
  title: "",
  firstName: "",
  lastName: "",
  houseNameOrNumber: "",
  postcode: "",
  outsideUk: false,
  future: false,
};

/**
 * Gift Aid (UK organisations, gifts in pounds): the donor's declaration in our words after HMRC's
 * model, and the name and address HMRC's schedule takes (docs/gift-aid.md#declarations).
 */
export function GiftAidFieldset({
  idPrefix,
  organisationName,
  details,
  anonymous,
  onChange,
  errors,
}: {
  idPrefix: string;
  organisationName: string;
  details: GiftAidDetails;
  anonymous: boolean;
  onChange: (change: Partial<GiftAidDetails>) => void;
  errors: DonationFieldErrors;
}) {
  const text = (
    field: "title" | "firstName" | "lastName" | "houseNameOrNumber" | "postcode",
    label: string,
    error: string | undefined,
    input: { autoComplete: string; maxLength: number; className?: string; optional?: boolean; hint?: string },
  ) => (
    <FieldFrame
      id={`${idPrefix}-giftAid-${field}`}
      label={
        input.optional ? (
          <>
            {label} <span className="font-normal text-slate-600">(optional)</span>
          </>
        ) : (
          label
        )
      }
      hint={input.hint}
      error={error}
      announceError={false}
      className={input.className}
    >
      {(control) => (
        <input
          {...control}
          autoComplete={input.autoComplete}
          maxLength={input.maxLength}
          required={!input.optional}
          value={details[field]}
          onChange={(event) => onChange({ [field]: event.target.value })}
          className={`${controlClass} w-full`}
        />
      )}
    </FieldFrame>
  );

  return (
    <fieldset className="grid min-w-0 gap-4" data-testid="gift-aid">
      <legend className="mb-2 text-lg font-semibold">Gift Aid</legend>
      <p className="text-sm text-slate-700">If you pay UK Income Tax, {organisationName} can claim 25p from HMRC for every £1 you give, at no cost to you.</p>
      <label className="flex items-start gap-3 rounded-lg bg-teal-50 p-3 text-sm">
        <input
          type="checkbox"
          checked={details.declared}
          onChange={(event) => onChange({ declared: event.target.checked })}
          className="mt-1 size-5 shrink-0"
          aria-describedby={`${idPrefix}-giftAid-declaration`}
        />
        <span>
          <strong>Yes, I want to Gift Aid my gift.</strong>{" "}
          <span id={`${idPrefix}-giftAid-declaration`}>{giftAidDeclarationText(organisationName, details.future ? "this_and_future" : "this_gift")}</span>
        </span>
      </label>
      <FieldError id={`${idPrefix}-giftAid-error`} error={errors.giftAid} announce={false} />
      {details.declared ? (
        <div className="grid gap-4">
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              checked={details.future}
              onChange={(event) => onChange({ future: event.target.checked })}
              className="mt-0.5 size-5 shrink-0"
            />
            <span>
              Also Gift Aid my future gifts to {organisationName}, including regular ones, until I cancel.{" "}
              <span className="text-slate-600">(If you already said so with this email address, your gift is covered.)</span>
            </span>
          </label>
          <div className="grid gap-4 sm:grid-cols-[6rem_1fr_1fr]">
            {text("title", "Title", errors.giftAidTitle, { autoComplete: "honorific-prefix", maxLength: 4, optional: true })}
            {text("firstName", "First name", errors.giftAidFirstName, { autoComplete: "given-name", maxLength: 35 })}
            {text("lastName", "Last name", errors.giftAidLastName, { autoComplete: "family-name", maxLength: 35 })}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {text("houseNameOrNumber", "House name or number", errors.giftAidHouse, {
              autoComplete: "address-line1",
              maxLength: GIFT_AID_HOUSE_MAX_LENGTH,
            })}
            {details.outsideUk
              ? null
              : text("postcode", "Postcode", errors.giftAidPostcode, { autoComplete: "postal-code", maxLength: 16, hint: "Your home address, like SW1A 1AA." })}
          </div>
          <label className="flex items-center gap-3 text-sm">
            <input type="checkbox" checked={details.outsideUk} onChange={(event) => onChange({ outsideUk: event.target.checked })} className="size-5" />I live
            outside the UK
          </label>
          {anonymous ? (
            <p className="text-sm text-slate-700" data-testid="gift-aid-anonymous">
              Your gift stays anonymous on {organisationName}&apos;s lists, but HMRC needs the name and address of everyone who Gift Aids, so {organisationName}
              &apos;s administrators will see them in their Gift Aid claim.
            </p>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
