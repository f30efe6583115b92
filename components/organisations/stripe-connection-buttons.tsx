"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

async function errorMessage(response: Response, fallback: string) {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? fallback;
}

/** Asks Amply for the Stripe consent URL and goes there. */
export function ConnectStripeButton({ organisationId }: { organisationId: string }) {
  const t = useTranslations("organisations.stripe");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function connect() {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/organisations/${organisationId}/stripe/connect`).catch(() => null);
    if (!response?.ok) {
      setError(response ? await errorMessage(response, t("somethingWrong")) : t("unreachable"));
      setBusy(false);
      return;
    }
    const { url } = (await response.json()) as { url: string };
    window.location.assign(url);
  }
  return (
    <div className="grid gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" disabled={busy} className="justify-self-start" onClick={() => void connect()}>
        {busy ? t("opening") : t("connect")}
      </Button>
    </div>
  );
}

/**
 * Disconnecting Amply. Recurring gifts run on the organisation's own Stripe account and would keep
 * charging donors out of Amply's sight, so while any run the admin chooses, in plain words, what
 * happens to them (docs/recurring.md#disconnecting).
 */
export function DisconnectStripeButton({ organisationId, runningRecurringGifts = 0 }: { organisationId: string; runningRecurringGifts?: number }) {
  const t = useTranslations("organisations.stripe");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<"cancel" | "keep" | null>(null);
  const gifts = runningRecurringGifts;
  async function disconnect() {
    if (gifts > 0 && !choice) {
      setError(t("chooseFirst", { count: gifts }));
      return;
    }
    setBusy(true);
    const response = await fetch(`/api/organisations/${organisationId}/stripe/disconnect`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(choice ? { recurringGifts: choice } : {}),
    }).catch(() => null);
    if (!response?.ok) {
      setError(response ? await errorMessage(response, t("somethingWrong")) : t("unreachableNothingChanged"));
      setBusy(false);
      return;
    }
    const answer = (await response.json()) as { recurringGifts?: { cancelled: number; kept: number } };
    setConfirming(false);
    setBusy(false);
    const recurring = answer.recurringGifts;
    router.replace(
      recurring && (recurring.cancelled || recurring.kept)
        ? `?disconnected=true&${recurring.cancelled ? `cancelled=${recurring.cancelled}` : `kept=${recurring.kept}`}`
        : "?disconnected=true",
    );
    router.refresh();
  }
  if (!confirming) {
    return (
      <Button type="button" variant="danger" className="justify-self-start" onClick={() => setConfirming(true)}>
        {t("disconnect")}
      </Button>
    );
  }
  return (
    <div className="grid gap-3 rounded-lg bg-red-50 p-4 ring-1 ring-red-200" role="group" aria-label={t("confirmGroup")}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="text-sm text-red-900">{t("confirmText")}</p>
      {gifts > 0 ? (
        <fieldset className="grid gap-2 text-sm text-red-950">
          <legend className="mb-1 font-semibold">{t("running", { count: gifts })}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="recurringGifts" value="cancel" checked={choice === "cancel"} onChange={() => setChoice("cancel")} className="size-5" />
            {t("cancelChoice", { count: gifts })}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="recurringGifts" value="keep" checked={choice === "keep"} onChange={() => setChoice("keep")} className="size-5" />
            {t("keepChoice", { count: gifts })}
          </label>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="danger" disabled={busy} onClick={() => void disconnect()}>
          {busy ? t("disconnecting") : t("confirm")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          {t("keepConnected")}
        </Button>
      </div>
    </div>
  );
}
