"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

async function errorMessage(response: Response) {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? "Something went wrong. Please try again.";
}

/** Asks Amply for the Stripe consent URL and goes there. */
export function ConnectStripeButton({ organisationId }: { organisationId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function connect() {
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/organisations/${organisationId}/stripe/connect`).catch(() => null);
    if (!response?.ok) {
      setError(response ? await errorMessage(response) : "Amply could not be reached. Check your connection and try again.");
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
        {busy ? "Opening Stripe…" : "Connect with Stripe"}
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
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<"cancel" | "keep" | null>(null);
  const gifts = runningRecurringGifts;
  const them = gifts === 1 ? "it" : "them";
  async function disconnect() {
    if (gifts > 0 && !choice) {
      setError(`Choose what happens to the ${gifts === 1 ? "recurring gift" : `${gifts} recurring gifts`} first.`);
      return;
    }
    setBusy(true);
    const response = await fetch(`/api/organisations/${organisationId}/stripe/disconnect`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(choice ? { recurringGifts: choice } : {}),
    }).catch(() => null);
    if (!response?.ok) {
      setError(response ? await errorMessage(response) : "Amply could not be reached. Nothing was changed.");
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
        Disconnect
      </Button>
    );
  }
  return (
    <div className="grid gap-3 rounded-lg bg-red-50 p-4 ring-1 ring-red-200" role="group" aria-label="Confirm disconnecting Stripe">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="text-sm text-red-900">
        Disconnect this Stripe account? Your donation page stops taking donations until you connect again. Past donations and your ledger stay.
      </p>
      {gifts > 0 ? (
        <fieldset className="grid gap-2 text-sm text-red-950">
          <legend className="mb-1 font-semibold">
            {gifts === 1 ? "1 recurring gift is" : `${gifts} recurring gifts are`} running on your Stripe account. Disconnecting Amply does not stop {them}:
            Stripe keeps charging {gifts === 1 ? "its donor" : "their donors"}, but Amply no longer sees those payments, sends no receipts for them, and donors
            can no longer change {them} here.
          </legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="recurringGifts" value="cancel" checked={choice === "cancel"} onChange={() => setChoice("cancel")} className="size-5" />
            Cancel {them} now through Stripe and email {gifts === 1 ? "the donor" : "each donor"}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="recurringGifts" value="keep" checked={choice === "keep"} onChange={() => setChoice("keep")} className="size-5" />
            Leave {them} running on our Stripe account (we manage {them} in Stripe ourselves)
          </label>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="danger" disabled={busy} onClick={() => void disconnect()}>
          {busy ? "Disconnecting…" : "Yes, disconnect"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
          Keep it connected
        </Button>
      </div>
    </div>
  );
}
