"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** The days to compare (in the organisation's time zone), and the button that queues the run. */
type Text = { from: string; to: string; start: string; starting: string };

export function StartReconciliationForm({
  action,
  organisationId,
  from,
  to,
  text,
}: {
  action: Action;
  organisationId: string;
  from: string;
  to: string;
  text: Text;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const typed = (name: string, fallback: string) => {
    const value = state.values?.[name];
    return typeof value === "string" ? value : fallback;
  };
  return (
    <form action={formAction} className="grid grid-cols-1 gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="sm:col-span-3">
        {state.error ? <Alert tone="error">{state.error}</Alert> : state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
      <Field label={text.from} name="from" id="reconcile-from" type="date" required defaultValue={typed("from", from)} error={state.fieldErrors?.from} />
      <Field label={text.to} name="to" id="reconcile-to" type="date" required defaultValue={typed("to", to)} error={state.fieldErrors?.to} />
      <Button type="submit" disabled={pending}>
        {pending ? text.starting : text.start}
      </Button>
    </form>
  );
}
