"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { ACCEPTED_IMAGE_TYPES, MAX_IMAGE_BYTES, TOO_LARGE_MESSAGE } from "@/lib/images/limits";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The general donation page: the organisation's story, picture and website. */
export function GivePageForm({
  action,
  values,
}: {
  action: Action;
  values: { organisationId: string; websiteUrl: string; story: string; image: { id: string; url: string } | null };
}) {
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
        label="Your website (optional)"
        name="websiteUrl"
        type="url"
        defaultValue={values.websiteUrl}
        hint="Donors are offered a way back to it after they give; https:// only"
        error={errors.websiteUrl}
      />
      <FieldFrame
        id="field-give-story"
        label="Your story (optional)"
        hint="Markdown: **bold**, _italic_, lists, [links](https://…). No HTML or pictures."
        error={errors.story}
      >
        {(control) => <textarea {...control} name="story" rows={6} defaultValue={values.story} className={`${controlClass} w-full`} />}
      </FieldFrame>
      <div className="grid grid-cols-1 gap-2">
        {values.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- re-encoded and served immutable by Amply
          <img src={values.image.url} alt="Your donation page's current picture" className="h-32 w-auto self-start rounded-lg" />
        ) : null}
        <Field
          key={values.image?.id ?? "none"}
          label={values.image ? "Replace the picture (optional)" : "Picture (optional)"}
          name="storyImage"
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          onChange={(event) => setTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_IMAGE_BYTES)}
          hint="A PNG, JPEG or WebP image of at most 2 MB"
          error={tooLarge ? TOO_LARGE_MESSAGE : errors.storyImage}
        />
        {values.image ? (
          <label key={values.image.id} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="removeStoryImage" />
            Remove the picture
          </label>
        ) : null}
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Saving…" : "Save donation page"}
      </Button>
    </form>
  );
}
