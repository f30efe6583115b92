"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { REFUND_REASONS } from "@/lib/donations/refund-reasons";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** An admin's refund of a donation: the amount (empty for all that is left), why, and a note. */
export function RefundForm({ action, organisationId, donationId, left }: { action: Action; organisationId: string; donationId: string; left: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("donations.refundForm");
  const value = (name: string) => (typeof state.values?.[name] === "string" ? state.values[name] : undefined);
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate aria-label={t("label")}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="donationId" value={donationId} />
      <div className="sm:col-span-2">
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {state.ok ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
      <Field
        label={t("amount")}
        name="amount"
        inputMode="decimal"
        hint={t("amountHint", { left })}
        error={state.fieldErrors?.amount}
        defaultValue={state.ok ? undefined : value("amount")}
        key={`amount-${String(state.values?.amount ?? "")}-${state.ok ? "done" : ""}`}
      />
      <FieldFrame id="refund-reason" label={t("reason")} error={state.fieldErrors?.reason}>
        {(control) => (
          <select
            {...control}
            name="reason"
            defaultValue={value("reason") ?? "requested_by_customer"}
            key={`reason-${value("reason") ?? ""}`}
            className={`${controlClass} w-full min-w-0`}
          >
            {REFUND_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {t(`reasons.${reason}`)}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <Field
        label={t("note")}
        name="note"
        className="sm:col-span-2"
        error={state.fieldErrors?.note}
        defaultValue={state.ok ? undefined : value("note")}
        key={`note-${String(state.values?.note ?? "")}-${state.ok ? "done" : ""}`}
      />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
