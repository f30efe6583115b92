"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

function Outcome({ state }: { state: ActionState }) {
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

export function EmailStatementForm({
  action,
  organisationId,
  donorId,
  year,
  to,
}: {
  action: Action;
  organisationId: string;
  donorId: string;
  year: number;
  to: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("statements.form");
  const named = String(year);
  return (
    <form action={formAction} className="grid gap-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="donorId" value={donorId} />
      <input type="hidden" name="year" value={year} />
      <Outcome state={state} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={t("emailTo", { year: named, to })}>
          {pending ? t("emailing") : t("email", { year: named })}
        </Button>
      </div>
    </form>
  );
}

export function StartStatementRunForm({ action, organisationId, years }: { action: Action; organisationId: string; years: number[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("statements.form");
  const typed = state.values?.year;
  return (
    <form action={formAction} className="grid gap-4">
      <input type="hidden" name="organisationId" value={organisationId} />
      <Outcome state={state} />
      <FieldFrame id="statement-year" label={t("year")} error={state.fieldErrors?.year}>
        {(control) => (
          <select name="year" {...control} className={controlClass} defaultValue={typeof typed === "string" ? typed : String(years[0])}>
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("starting") : t("start")}
        </Button>
      </div>
    </form>
  );
}

/** While a run is under way, reads the page again every few seconds (its progress is announced politely). */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
