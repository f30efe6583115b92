"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const ROLES = ["viewer", "admin", "owner"] as const;

export function InviteForm({ action, organisationId }: { action: Action; organisationId: string }) {
  const t = useTranslations("members");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end" noValidate>
      <input type="hidden" name="organisationId" value={organisationId} />
      <div className="sm:col-span-3">
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {state.ok ? <Alert tone="success">{state.message}</Alert> : null}
      </div>
      <Field
        label={t("form.email")}
        name="email"
        type="email"
        required
        error={state.fieldErrors?.email}
        defaultValue={typeof state.values?.email === "string" ? state.values.email : undefined}
        key={String(state.values?.email ?? "")}
      />
      <div className="grid grid-cols-1 gap-1">
        <label htmlFor="invite-role" className="text-sm font-medium text-slate-800">
          {t("form.role")}
        </label>
        {/* The roles' descriptions are long: the select takes the column's width, not its longest option's. */}
        <select id="invite-role" name="role" defaultValue="viewer" className="min-h-11 w-full min-w-0 rounded-lg border border-slate-400 bg-white px-3">
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roleOptions.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("form.sending") : t("form.send")}
      </Button>
    </form>
  );
}

export function MemberRoleForm({
  action,
  organisationId,
  membershipId,
  role,
  label,
}: {
  action: Action;
  organisationId: string;
  membershipId: string;
  role: string;
  label: string;
}) {
  const t = useTranslations("members.form");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="sr-only" htmlFor={`role-${membershipId}`}>
        {t("roleOf", { member: label })}
      </label>
      <select id={`role-${membershipId}`} name="role" defaultValue={role} className="min-h-11 rounded-lg border border-slate-400 bg-white px-2 text-sm">
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`roleShort.${value}`)}
          </option>
        ))}
      </select>
      <Button type="submit" name="intent" value="role" variant="secondary" disabled={pending}>
        {t("changeRole")}
      </Button>
      <Button type="submit" name="intent" value="remove" variant="danger" disabled={pending}>
        {t("remove")}
      </Button>
      {state.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function RevokeInvitationForm({
  action,
  organisationId,
  invitationId,
  label,
}: {
  action: Action;
  organisationId: string;
  invitationId: string;
  label: string;
}) {
  const t = useTranslations("members.form");
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("revokeLabel", { email: label })}>
        {t("revoke")}
      </Button>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
