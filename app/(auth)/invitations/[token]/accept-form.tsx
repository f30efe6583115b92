"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action-state";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, organisationName }: { token: string; organisationName: string }) {
  const t = useTranslations("auth.invitation");
  const [state, action, pending] = useActionState<ActionState, FormData>(acceptInvitationAction, {});
  return (
    <form action={action} className="grid gap-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending ? t("joining") : t("join", { organisation: organisationName })}
      </Button>
    </form>
  );
}
