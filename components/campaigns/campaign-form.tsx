"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/lib/images/limits";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export type CampaignFormValues = {
  organisationId: string;
  campaignId?: string;
  name: string;
  slug: string;
  story: string;
  fundId: string;
  startsOn: string;
  endsOn: string;
  /** The organisation's time zone, where a day starts and ends. */
  timeZone: string;
  /** Per accepted currency: the goal and the suggested amounts, as decimal text ("1000", "10 25 50"). */
  currencies: Array<{ currency: string; goal: string; suggested: string }>;
  image: { url: string } | null;
};

/** Create or edit a campaign: title, address, story, fund, dates, goals and amounts per currency, picture. */
export function CampaignForm({
  action,
  values,
  funds,
  maxStoryLength,
  submitLabel,
}: {
  action: Action;
  values: CampaignFormValues;
  funds: Array<{ id: string; name: string }>;
  maxStoryLength: number;
  submitLabel: string;
}) {
  const t = useTranslations("campaigns.form");
  const [state, formAction, pending] = useActionState(action, {});
  const [imageTooLarge, setImageTooLarge] = useState(false);
  const errors = state.fieldErrors ?? {};
  // Submitting through onSubmit, not the form's action, keeps what was typed and the chosen file when
  // the server refuses: React resets a form after every action it runs.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (imageTooLarge) return;
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  }

  return (
    <form action={formAction} onSubmit={submit} className="grid grid-cols-1 gap-5" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <input type="hidden" name="organisationId" value={values.organisationId} />
      {values.campaignId ? <input type="hidden" name="campaignId" value={values.campaignId} /> : null}
      <Field label={t("title")} name="name" defaultValue={values.name} required error={errors.name} />
      <Field label={t("slug")} name="slug" defaultValue={values.slug} required hint={t("slugHint")} error={errors.slug} />
      <FieldFrame id="field-story" label={t("story")} hint={t("storyHint", { max: maxStoryLength.toLocaleString("en-GB") })} error={errors.story}>
        {(control) => <textarea {...control} name="story" rows={8} defaultValue={values.story} className={`${controlClass} w-full`} />}
      </FieldFrame>
      <div className="grid grid-cols-1 gap-2">
        {values.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- re-encoded and served immutable by Amply
          <img src={values.image.url} alt={t("currentPicture")} className="h-32 w-auto self-start rounded-lg" />
        ) : null}
        <Field
          label={values.image ? t("replacePicture") : t("picture")}
          name="image"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          onChange={(event) => setImageTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_IMAGE_BYTES)}
          hint={t("pictureHint")}
          error={imageTooLarge ? t("imageTooLarge") : errors.image}
        />
        {values.image ? (
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="removeImage" />
            {t("removePicture")}
          </label>
        ) : null}
      </div>
      <FieldFrame id="field-fundId" label={t("fund")} error={errors.fundId}>
        {(control) => (
          <select {...control} name="fundId" defaultValue={values.fundId} className={`${controlClass} w-full`}>
            <option value="">{t("noFund")}</option>
            {funds.map((fund) => (
              <option key={fund.id} value={fund.id}>
                {fund.name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label={t("startsOn")} name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} />
        <Field
          label={t("endsOn")}
          name="endsOn"
          type="date"
          defaultValue={values.endsOn}
          hint={t("endsOnHint", { timeZone: values.timeZone })}
          error={errors.endsOn}
        />
      </div>
      <fieldset className="grid gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold">{t("goals")}</legend>
        <p className="text-sm text-slate-600">{t("goalsHint")}</p>
        {values.currencies.map(({ currency, goal, suggested }) => (
          <div key={currency} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field label={t("goal", { currency })} name={`goal.${currency}`} inputMode="decimal" defaultValue={goal} error={errors[`goal.${currency}`]} />
            <Field
              label={t("suggested", { currency })}
              name={`suggested.${currency}`}
              defaultValue={suggested}
              hint={t("suggestedHint")}
              error={errors[`suggested.${currency}`]}
            />
          </div>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** Archive or reopen a campaign or fund: one button posting to its action. */
export function ArchiveForm({
  action,
  organisationId,
  idName,
  id,
  archived,
  label,
}: {
  action: Action;
  organisationId: string;
  idName: "campaignId" | "fundId";
  id: string;
  archived: boolean;
  label: string;
}) {
  const t = useTranslations("campaigns.archive");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name={idName} value={id} />
      <input type="hidden" name="archive" value={archived ? "false" : "true"} />
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <div>
        <Button
          type="submit"
          variant={archived ? "secondary" : "danger"}
          disabled={pending}
          aria-label={archived ? t("reopenLabel", { name: label }) : t("archiveLabel", { name: label })}
        >
          {archived ? t("reopen") : t("archive")}
        </Button>
      </div>
    </form>
  );
}
