"use client";

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

function Outcome({ state, hideError }: { state: ActionState; hideError?: boolean }) {
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
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
  return (
    <form action={run} className="grid gap-4" noValidate aria-label="Change amount or frequency">
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} hideError={Boolean(state.fieldErrors?.amount)} />
      <Field
        id={`${name}-amount`}
        label={`Amount (${gift.currency})`}
        hint="From your next payment. Nothing is charged now."
        name="amount"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={amount}
        key={`amount-${amount}`}
        error={state.fieldErrors?.amount}
      />
      <fieldset className="grid gap-2">
        <legend className="text-sm font-medium text-slate-800">How often</legend>
        {(["month", "year"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="interval" value={value} defaultChecked={interval === value} key={`${value}-${interval}`} className="size-5" />
            {value === "month" ? "Monthly" : "Yearly (from the end of the period you have paid for)"}
          </label>
        ))}
      </fieldset>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="coverFee" defaultChecked={coverFee} key={`fee-${String(coverFee)}`} className="size-5" />
        Add the processing fee so that the organisation receives the whole amount
      </label>
      {state.fieldErrors?.coverFee ? <p className="text-sm text-red-700">{state.fieldErrors.coverFee}</p> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Saving…" : "Save the new amount"}
      </Button>
    </form>
  );
}

export function PauseForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(pauseGiftAction, initial);
  const id = useId();
  return (
    <form action={run} className="grid gap-4" noValidate aria-label="Pause">
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} hideError={Boolean(state.fieldErrors?.months)} />
      <FieldFrame id={`${id}-months`} label="Pause for" hint="Payments in the pause are skipped, not charged later." error={state.fieldErrors?.months}>
        {(control) => (
          <select name="months" {...control} className={controlClass} defaultValue={text(state, "months") ?? "1"}>
            <option value="1">1 month</option>
            <option value="2">2 months</option>
            <option value="3">3 months</option>
          </select>
        )}
      </FieldFrame>
      <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start">
        {pending ? "Pausing…" : "Pause my gift"}
      </Button>
    </form>
  );
}

export function ResumeForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(resumeGiftAction, initial);
  return (
    <form action={run} className="grid gap-4" aria-label="Resume">
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} />
      <Button type="submit" variant="secondary" disabled={pending} className="justify-self-start">
        {pending ? "Resuming…" : "Resume my gift now"}
      </Button>
    </form>
  );
}

export function CancelForm({ token, gift, requestId: initial }: Common) {
  const { state, run, pending, requestId } = useGiftForm(cancelGiftAction, initial);
  const id = useId();
  return (
    <form action={run} className="grid gap-4" noValidate aria-label="Cancel">
      <Hidden token={token} giftId={gift.id} requestId={requestId} />
      <Outcome state={state} hideError={Boolean(state.fieldErrors?.reason)} />
      <FieldFrame id={`${id}-reason`} label="Why are you stopping? (optional)" error={state.fieldErrors?.reason}>
        {(control) => <textarea name="reason" rows={2} maxLength={500} {...control} className={controlClass} defaultValue={text(state, "reason")} />}
      </FieldFrame>
      <Button type="submit" variant="danger" disabled={pending || state.ok} className="justify-self-start">
        {pending ? "Cancelling…" : "Cancel my gift now"}
      </Button>
    </form>
  );
}
