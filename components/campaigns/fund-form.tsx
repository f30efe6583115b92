"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass, Field, FieldFrame } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** Create a fund, or edit one (with `fund.id`): its name, address and description. */
export function FundForm({
  action,
  organisationId,
  fund,
  submitLabel,
}: {
  action: Action;
  organisationId: string;
  fund: { id: string; name: string; slug: string; description: string | null } | null;
  submitLabel: string;
}) {
  const t = useTranslations("funds.form");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  // A new fund's form empties after it is created; any form keeps what was typed when refused.
  const typed = (name: string, saved: string) => (typeof state.values?.[name] === "string" ? String(state.values[name]) : saved);
  const prefix = fund ? `fund-${fund.id}` : "fund-new";
  return (
    <form action={formAction} className="grid grid-cols-1 gap-4" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok && state.message ? <Alert tone="success">{state.message}</Alert> : null}
      <input type="hidden" name="organisationId" value={organisationId} />
      {fund ? <input type="hidden" name="fundId" value={fund.id} /> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" key={JSON.stringify(state.values ?? state.ok ?? "")}>
        <Field id={`${prefix}-name`} label={t("name")} name="name" defaultValue={typed("name", fund?.name ?? "")} required error={errors.name} />
        <Field
          id={`${prefix}-slug`}
          label={t("slug")}
          name="slug"
          defaultValue={typed("slug", fund?.slug ?? "")}
          required
          hint={t("slugHint")}
          error={errors.slug}
        />
        <FieldFrame id={`${prefix}-description`} label={t("description")} error={errors.description} className="sm:col-span-2">
          {(control) => (
            <textarea
              {...control}
              name="description"
              rows={2}
              defaultValue={typed("description", fund?.description ?? "")}
              className={`${controlClass} w-full`}
            />
          )}
        </FieldFrame>
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
