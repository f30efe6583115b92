"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** What the person typed (after an error), else the value shown to start with. */
function typed(state: ActionState, name: string, initial: string): string {
  const value = state.values?.[name];
  return typeof value === "string" ? value : initial;
}

function Outcome({ state }: { state: ActionState }) {
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

export function ResendReceiptForm({ action, organisationId, donationId, to }: { action: Action; organisationId: string; donationId: string; to: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="donationId" value={donationId} />
      <Outcome state={state} />
      <p className="text-sm text-slate-700">Email the receipt in force to {to} again, with the same number.</p>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Resend receipt"}
        </Button>
      </div>
    </form>
  );
}

export function CorrectReceiptForm({
  action,
  organisationId,
  donationId,
  donorName,
  donorAddress,
}: {
  action: Action;
  organisationId: string;
  donationId: string;
  donorName: string;
  donorAddress: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const name = typed(state, "donorName", donorName);
  const address = typed(state, "donorAddress", donorAddress);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="donationId" value={donationId} />
      <Outcome state={state} />
      <Field
        label="Donor's name on the receipt"
        name="donorName"
        required
        autoComplete="off"
        error={state.fieldErrors?.donorName}
        defaultValue={name}
        key={`name-${name}-${state.ok ? "saved" : ""}`}
      />
      <FieldFrame
        id="receipt-donor-address"
        label="Donor's address (optional)"
        hint="One line per line, as it should be printed."
        error={state.fieldErrors?.donorAddress}
      >
        {(control) => <textarea {...control} name="donorAddress" rows={4} className={controlClass} defaultValue={address} key={`address-${address}`} />}
      </FieldFrame>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Issuing…" : "Correct receipt"}
        </Button>
      </div>
    </form>
  );
}

export type ReceiptSettingsValues = {
  organisationId: string;
  legalName: string;
  registrationNumber: string;
  address: string;
  timeZone: string;
  taxStatement: string;
};

export function ReceiptSettingsForm({ action, values, timeZones }: { action: Action; values: ReceiptSettingsValues; timeZones: string[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const value = (name: keyof ReceiptSettingsValues) => typed(state, name, values[name]);
  const zones = timeZones.includes(value("timeZone")) ? timeZones : [value("timeZone"), ...timeZones];
  const errors = state.fieldErrors ?? {};
  // Re-render the fields with what was typed when the answer comes back.
  const version = JSON.stringify(state.values ?? {});
  return (
    <form action={formAction} className="grid gap-4" noValidate key={version}>
      <input type="hidden" name="organisationId" value={values.organisationId} />
      <Outcome state={state} />
      <Field
        label="Legal name"
        name="legalName"
        hint="As registered. Left empty, receipts show your organisation's name."
        error={errors.legalName}
        defaultValue={value("legalName")}
      />
      <Field
        label="Registration number"
        name="registrationNumber"
        hint="Charity or company number, as tax offices ask for it."
        error={errors.registrationNumber}
        defaultValue={value("registrationNumber")}
      />
      <FieldFrame id="receipt-address" label="Address" hint="One line per line, as it should be printed." error={errors.address}>
        {(control) => <textarea {...control} name="address" rows={4} className={controlClass} defaultValue={value("address")} />}
      </FieldFrame>
      <FieldFrame
        id="receipt-time-zone"
        label="Time zone"
        hint="Receipts, statements and reports date each gift by the calendar here: a gift just after midnight belongs to that day and that tax year."
        error={errors.timeZone}
      >
        {(control) => (
          <select {...control} name="timeZone" className={controlClass} defaultValue={value("timeZone")}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
      <FieldFrame
        id="receipt-tax-statement"
        label="Tax statement (optional)"
        hint="Printed on every receipt exactly as you write it, for example the statement your tax office requires. Amply never writes one for you."
        error={errors.taxStatement}
      >
        {(control) => <textarea {...control} name="taxStatement" rows={5} className={controlClass} defaultValue={value("taxStatement")} />}
      </FieldFrame>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save receipt details"}
        </Button>
      </div>
    </form>
  );
}
