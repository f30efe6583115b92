"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, TOO_LARGE_MESSAGE } from "@/lib/images/limits";

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
      <Field label="Title" name="name" defaultValue={values.name} required error={errors.name} />
      <Field
        label="Address of its page"
        name="slug"
        defaultValue={values.slug}
        required
        hint="…/give/your-organisation?campaign=this-address — lowercase letters, digits and dashes"
        error={errors.slug}
      />
      <FieldFrame
        id="field-story"
        label="Story (optional)"
        hint={`Markdown: **bold**, _italic_, lists, [links](https://…). No HTML or pictures; at most ${maxStoryLength.toLocaleString("en-GB")} characters.`}
        error={errors.story}
      >
        {(control) => <textarea {...control} name="story" rows={8} defaultValue={values.story} className={`${controlClass} w-full`} />}
      </FieldFrame>
      <div className="grid grid-cols-1 gap-2">
        {values.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- re-encoded and served immutable by Amply
          <img src={values.image.url} alt="The campaign's current picture" className="h-32 w-auto self-start rounded-lg" />
        ) : null}
        <Field
          label={values.image ? "Replace the picture (optional)" : "Picture (optional)"}
          name="image"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          onChange={(event) => setImageTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_IMAGE_BYTES)}
          hint="A PNG, JPEG or WebP image of at most 2 MB, shown at the top of the campaign's page"
          error={imageTooLarge ? TOO_LARGE_MESSAGE : errors.image}
        />
        {values.image ? (
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="removeImage" />
            Remove the picture
          </label>
        ) : null}
      </div>
      <FieldFrame id="field-fundId" label="Fund it collects for" error={errors.fundId}>
        {(control) => (
          <select {...control} name="fundId" defaultValue={values.fundId} className={`${controlClass} w-full`}>
            <option value="">No particular fund</option>
            {funds.map((fund) => (
              <option key={fund.id} value={fund.id}>
                {fund.name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="First day (optional)" name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} />
        <Field
          label="Last day (optional)"
          name="endsOn"
          type="date"
          defaultValue={values.endsOn}
          hint={`Gifts are taken until the end of this day (${values.timeZone} time)`}
          error={errors.endsOn}
        />
      </div>
      <fieldset className="grid gap-4 rounded-lg border border-slate-300 p-4">
        <legend className="px-1 text-sm font-semibold">Goals and suggested amounts</legend>
        <p className="text-sm text-slate-600">
          One goal per currency, each with its own progress bar: gifts in other currencies do not count toward it. Leave a goal empty for none. Suggested
          amounts, separated by spaces, replace the usual buttons on the campaign&apos;s page.
        </p>
        {values.currencies.map(({ currency, goal, suggested }) => (
          <div key={currency} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field label={`Goal in ${currency}`} name={`goal.${currency}`} inputMode="decimal" defaultValue={goal} error={errors[`goal.${currency}`]} />
            <Field
              label={`Suggested amounts in ${currency}`}
              name={`suggested.${currency}`}
              defaultValue={suggested}
              hint="e.g. 10 25 50 100"
              error={errors[`suggested.${currency}`]}
            />
          </div>
        ))}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
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
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name={idName} value={id} />
      <input type="hidden" name="archive" value={archived ? "false" : "true"} />
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <div>
        <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending} aria-label={`${archived ? "Reopen" : "Archive"} ${label}`}>
          {archived ? "Reopen" : "Archive"}
        </Button>
      </div>
    </form>
  );
}
