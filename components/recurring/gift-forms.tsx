"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { cancelGiftAction, changeGiftAction, pauseGiftAction, resumeGiftAction } from "@/app/(public)/manage/[token]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { useGiftForm } from "./use-gift-form";

export type ManagedGiftView = {
  id: string;
  currency: string;
  amountInput: string;
  interval: "month" | "year";
  coverFee: boolean;
  paused: boolean;
  canChange: boolean;
};

type Common = { token: string; gift: ManagedGiftView; requestId: string };

function Hidden({ token, giftId, requestId }: { token: string; giftId: string; requestId: string }) {
  return (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="giftId" value={giftId} />
      <input type="hidden" name="requestId" value={requestId} />
    </>
  );
}

/**
 * What the action answered: its success in the page's language (the actions answer in English),
 * its refusal as the server worded it.
 */
function Outcome({ state, hideError, success }: { state: ActionState; hideError?: boolean; success: string }) {
  if (state.ok && state.message) return <Alert tone="success">{success}</Alert>;
  if (state.error && !hideError) return <Alert tone="error">{state.error}</Alert>;
  return null;
}

const text = (state: ActionState, name: string) => (typeof state.values?.[name] === "string" ? state.values[name] : undefined);

export function ChangeGiftForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(changeGiftAction, initial);
  const amount = text(state, "amount") ?? gift.amountInput;
  const interval = text(state, "interval") ?? gift.interval;
  const coverFee = state.values ? state.values.coverFee === "on" : gift.coverFee;
  const name = useId();
  const t = useTranslations("manage");
  return (
    <form action={run} className="grid gap-4" noValidate aria-label={t("form.changeLabel")}>
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} hideError={Boolean(state.fieldErrors?.amount)} success={t("form.saved")} />
      <Field
        id={`${name}-amount`}
        label={t("form.amount", { currency: gift.currency })}
        hint={t("form.amountHint")}
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={amount}
        key={`amount-${amount}`}
        error={state.fieldErrors?.amount}
      />
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium text-slate-800">{t("form.howOften")}</legend>
        {(["month", "year"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="interval" value={value} defaultChecked={interval === value} key={`${value}-${interval}`} className="size-5" />
            {value === "month" ? t("form.monthly") : t("form.yearly")}
          </label>
        ))}
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="coverFee" defaultChecked={coverFee} key={`fee-${String(coverFee)}`} className="size-5" />
        {t("form.coverFee")}
      </label>
      {state.fieldErrors?.coverFee ? <p className="text-sm text-red-700">{state.fieldErrors.coverFee}</p> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? t("form.saving") : t("form.saveAmount")}
      </Button>
    </form>
  );
}

export function PauseForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(pauseGiftAction, initial);
  const id = useId();
  const t = useTranslations("manage");
  return (
    <form action={run} className="grid gap-4" noValidate aria-label={t("form.pauseLabel")}>
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} hideError={Boolean(state.fieldErrors?.months)} success={t("form.saved")} />
      <FieldFrame id={`${id}-months`} label={t("form.pauseFor")} hint={t("form.pauseHint")} error={state.fieldErrors?.months}>
        {(control) => (
          <select name="months" {...control} className={controlClass} defaultValue={text(state, "months") ?? "1"}>
            {[1, 2, 3].map((months) => (
              <option key={months} value={String(months)}>
                {t("form.months", { count: months })}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start">
        {pending ? t("form.pausing") : t("form.pause")}
      </Button>
    </form>
  );
}

export function ResumeForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(resumeGiftAction, initial);
  const t = useTranslations("manage");
  return (
    <form action={run} className="grid gap-4" aria-label={t("form.resumeLabel")}>
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} success={t("form.saved")} />
      <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start">
        {pending ? t("form.resuming") : t("form.resume")}
      </Button>
    </form>
  );
}

export function CancelForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(cancelGiftAction, initial);
  const id = useId();
  const t = useTranslations("manage");
  return (
    <form action={run} className="grid gap-4" noValidate aria-label={t("form.cancelLabel")}>
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} hideError={Boolean(state.fieldErrors?.reason)} success={t("form.cancelled")} />
      <FieldFrame id={`${id}-reason`} label={t("form.cancelReason")} error={state.fieldErrors?.reason}>
        {(control) => <textarea name="reason" rows={2} maxLength={500} {...control} className={controlClass} defaultValue={text(state, "reason")} />}
      </FieldFrame>
      <Button type="submit" variant="danger" disabled={pending || state.ok} className="justify-self-start">
        {pending ? t("form.cancelling") : t("form.cancel")}
      </Button>
    </form>
  );
}
