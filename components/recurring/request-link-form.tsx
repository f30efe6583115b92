"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestManageLinkAction } from "@/app/(public)/manage/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";

/** "Send me a fresh link": the answer is the same whether or not the address is known. */
export function RequestLinkForm() {
  const t = useTranslations("manage");
  const english = useLocale().startsWith("en");
  const [state, action, pending] = useActionState<ActionState, FormData>(requestManageLinkAction, {});
  const typed = typeof state.values?.email === "string" ? state.values.email : undefined;
  // The action answers in English; the one field's refusal and the answer read in the page's language.
  const fieldError = state.fieldErrors?.email && !english ? t("form.emailInvalid") : state.fieldErrors?.email;
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.ok ? <Alert tone="success">{t("form.linkSent")}</Alert> : null}
      {state.error && !fieldError ? <Alert tone="error">{state.error}</Alert> : null}
      <Field
        label={t("form.email")}
        hint={t("form.emailHint")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={typed}
        key={typed}
        error={fieldError}
      />
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? t("form.sending") : t("form.sendLink")}
      </Button>
    </form>
  );
}
