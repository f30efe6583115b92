"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("receiptsAdmin.resend");
  return (
    <form action={formAction} className="grid gap-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="donationId" value={donationId} />
      <Outcome state={state} />
      <p className="text-sm text-slate-700">{t("intro", { to })}</p>
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
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
  const t = useTranslations("receiptsAdmin.correct");
  const name = typed(state, "donorName", donorName);
  const address = typed(state, "donorAddress", donorAddress);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="donationId" value={donationId} />
      <Outcome state={state} />
      <Field
        label={t("donorName")}
        name="donorName"
        required
        autoComplete="off"
        error={state.fieldErrors?.donorName}
        defaultValue={name}
        key={`name-${name}-${state.ok ? "saved" : ""}`}
      />
      <FieldFrame id="receipt-donor-address" label={t("donorAddress")} hint={t("donorAddressHint")} error={state.fieldErrors?.donorAddress}>
        {(control) => <textarea {...control} name="donorAddress" rows={4} className={controlClass} defaultValue={address} key={`address-${address}`} />}
      </FieldFrame>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
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
  const t = useTranslations("receiptsAdmin.settings");
  const value = (name: keyof ReceiptSettingsValues) => typed(state, name, values[name]);
  const zones = timeZones.includes(value("timeZone")) ? timeZones : [value("timeZone"), ...timeZones];
  const errors = state.fieldErrors ?? {};
  // Re-render the fields with what was typed when the answer comes back.
  const version = JSON.stringify(state.values ?? {});
  return (
    <form action={formAction} className="grid gap-4" noValidate key={version}>
      <input type="hidden" name="organisationId" value={values.organisationId} />
      <Outcome state={state} />
      <Field label={t("legalName")} name="legalName" hint={t("legalNameHint")} error={errors.legalName} defaultValue={value("legalName")} />
      <Field
        label={t("registrationNumber")}
        name="registrationNumber"
        hint={t("registrationNumberHint")}
        error={errors.registrationNumber}
        defaultValue={value("registrationNumber")}
      />
      <FieldFrame id="receipt-address" label={t("address")} hint={t("addressHint")} error={errors.address}>
        {(control) => <textarea {...control} name="address" rows={4} className={controlClass} defaultValue={value("address")} />}
      </FieldFrame>
      <FieldFrame id="receipt-time-zone" label={t("timeZone")} hint={t("timeZoneHint")} error={errors.timeZone}>
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
      <FieldFrame id="receipt-tax-statement" label={t("taxStatement")} hint={t("taxStatementHint")} error={errors.taxStatement}>
        {(control) => <textarea {...control} name="taxStatement" rows={5} className={controlClass} defaultValue={value("taxStatement")} />}
      </FieldFrame>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
