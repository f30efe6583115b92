"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Records the export of the period shown: the claim as previewed, row by row. */
export function RecordExportForm({ action, organisationId, start, end }: { action: Action; organisationId: string; start: string; end: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("giftAid.record");
  const problems = Object.values(state.fieldErrors ?? {}).filter(Boolean);
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="start" value={start} />
      <input type="hidden" name="end" value={end} />
      {state.error ? (
        <Alert tone="error">
          {state.error}
          {problems.length ? (
            <ul className="mt-1 list-disc pl-5">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {state.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
