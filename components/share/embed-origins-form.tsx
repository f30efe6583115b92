"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The sites allowed to show the donation form in a frame, one per line. */
export function EmbedOriginsForm({ action, organisationId, origins }: { action: Action; organisationId: string; origins: string[] }) {
  const t = useTranslations("share.origins");
  const [state, formAction, pending] = useActionState(action, {});
  const typed = typeof state.values?.embedOrigins === "string" ? state.values.embedOrigins : origins.join("\n");
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      {state.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <FieldFrame id="embed-origins" label={t("label")} hint={t("hint")} error={state.fieldErrors?.embedOrigins ?? (state.ok ? undefined : state.error)}>
        {(control) => <textarea {...control} name="embedOrigins" rows={4} defaultValue={typed} key={typed} className={`${controlClass} font-mono text-sm`} />}
      </FieldFrame>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
