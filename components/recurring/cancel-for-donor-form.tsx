"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { cancelRecurringForDonorAction } from "@/app/(dashboard)/dashboard/[orgSlug]/recurring/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, FieldFrame } from "@/components/ui/field";
import { useGiftForm } from "./use-gift-form";

/** An admin cancels a recurring gift because the donor asked them to. */
export function CancelForDonorForm({ organisationId, giftId, requestId: initial }: { organisationId: string; giftId: string; requestId: string }) {
  const { state, run, pending, requestId } = useGiftForm(cancelRecurringForDonorAction, initial);
  const id = useId();
  const t = useTranslations("recurringGifts.cancel");
  const reason = typeof state.values?.reason === "string" ? state.values.reason : undefined;
  return (
    <form action={run} className="grid gap-4" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="giftId" value={giftId} />
      <input type="hidden" name="requestId" value={requestId} />
      {state.ok ? <Alert tone="success">{state.message}</Alert> : null}
      {state.error && !state.fieldErrors?.reason ? <Alert tone="error">{state.error}</Alert> : null}
      <FieldFrame id={`${id}-reason`} label={t("how")} hint={t("howHint")} error={state.fieldErrors?.reason}>
        {(control) => <textarea name="reason" rows={2} maxLength={500} {...control} className={controlClass} defaultValue={reason} />}
      </FieldFrame>
      <Button type="submit" variant="danger" disabled={pending || state.ok} className="justify-self-start">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
