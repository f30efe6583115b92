"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/lib/images/limits";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The general donation page: the organisation's story, picture and website. */
export function GivePageForm({
  action,
  values,
}: {
  action: Action;
  values: { organisationId: string; websiteUrl: string; story: string; image: { id: string; url: string } | null };
}) {
  const t = useTranslations("organisations");
  const [state, formAction, pending] = useActionState(action, {});
  const [tooLarge, setTooLarge] = useState(false);
  const errors = state.fieldErrors ?? {};
  // Submitting through onSubmit keeps what was typed and the chosen file when the server refuses.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooLarge) return;
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  }
  return (
    <form action={formAction} onSubmit={submit} className="grid grid-cols-1 gap-5" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <input type="hidden" name="organisationId" value={values.organisationId} />
      <Field
        label={t("givePage.website")}
        name="websiteUrl"
        type="url"
        defaultValue={values.websiteUrl}
        hint={t("givePage.websiteHint")}
        error={errors.websiteUrl}
      />
      <FieldFrame id="field-give-story" label={t("givePage.story")} hint={t("givePage.storyHint")} error={errors.story}>
        {(control) => <textarea {...control} name="story" rows={6} defaultValue={values.story} className={`${controlClass} w-full`} />}
      </FieldFrame>
      <div className="grid grid-cols-1 gap-2">
        {values.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- re-encoded and served immutable by Amply
          <img src={values.image.url} alt={t("givePage.currentPicture")} className="h-32 w-auto self-start rounded-lg" />
        ) : null}
        <Field
          key={values.image?.id ?? "none"}
          label={values.image ? t("givePage.replacePicture") : t("givePage.picture")}
          name="storyImage"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_IMAGE_BYTES)}
          hint={t("givePage.pictureHint")}
          error={tooLarge ? t("form.imageTooLarge") : errors.storyImage}
        />
        {values.image ? (
          <label key={values.image.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="removeStoryImage" />
            {t("givePage.removePicture")}
          </label>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? t("givePage.saving") : t("givePage.save")}
      </Button>
    </form>
  );
}
