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

export function DisconnectStripeButton({ organisationId }: { organisationId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function disconnect() {
    setBusy(true);
    const response = await fetch(`/api/organisations/${organisationId}/stripe/disconnect`, { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      setError(response ? await errorMessage(response) : "Amply could not be reached. Nothing was changed.");
      setBusy(false);
      return;
    }
    setConfirming(false);
    setBusy(false);
    router.replace("?disconnected=true");
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
