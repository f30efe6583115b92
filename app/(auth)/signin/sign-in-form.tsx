"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action-state";
import { requestSignInLink } from "./actions";

export function SignInForm({ email, callbackUrl }: { email?: string; callbackUrl?: string }) {
  const t = useTranslations("auth.signIn");
  const [state, action, pending] = useActionState<ActionState, FormData>(requestSignInLink, {});
  const typed = typeof state.values?.email === "string" ? state.values.email : email;
  const fieldError = state.fieldErrors?.email;
  return (
    <form action={action} className="grid gap-4" noValidate>
      {state.error && !fieldError ? <Alert tone="error">{state.error}</Alert> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required defaultValue={typed} key={typed} error={fieldError} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("sending") : t("submit")}
      </Button>
    </form>
  );
}
