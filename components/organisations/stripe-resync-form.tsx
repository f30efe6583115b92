"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** "Re-sync from Stripe": queues a run for the worker; the page lists its progress. Labels come translated from the page. */
export function StripeResyncForm({ action, organisationId, labels }: { action: Action; organisationId: string; labels: { start: string; starting: string } }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? labels.starting : labels.start}
        </Button>
      </div>
    </form>
  );
}
