// What the payments page says of a re-sync run, in the organisation's words: its state, and its
// progress or result (docs/stripe.md#re-sync).
import type { StripeResync } from "@/lib/db/generated/client.ts";
import type { translator } from "@/lib/i18n/translator";

type T = ReturnType<typeof translator<"resync">>;
type Run = Pick<
  StripeResync,
  "state" | "phase" | "eventsListed" | "eventsNew" | "objectsReread" | "objectsChanged" | "lastError" | "leaseToken" | "since" | "reason"
>;

/** Set by the worker for a run that cannot go on; anything else it records is technical. */
const DISCONNECTED = "The Stripe account is no longer connected to this organisation.";
const REVOKED = "Stripe no longer lets Amply read this account: connect it again.";

export function resyncState(t: T, run: Run): string {
  if (run.state === "running" && run.lastError) return t("state.retrying");
  return t(`state.${run.state}`);
}

export function resyncResult(t: T, run: Run): string {
  switch (run.state) {
    case "queued":
      return t("progress.waiting");
    case "running":
      return run.phase === "events"
        ? t("progress.events", { count: run.eventsListed })
        : t("progress.objects", { count: run.eventsListed, read: run.objectsReread });
    case "done": {
      // An object read again and found changed is an event Amply missed too.
      const missed = run.eventsNew + run.objectsChanged;
      const checked = run.eventsListed;
      return missed === 0 ? t("result.nothing", { count: checked }) : t("result.missed", { count: missed, checked });
    }
    case "failed":
      if (run.lastError === DISCONNECTED) return t("failed.disconnected");
      if (run.lastError === REVOKED) return t("failed.revoked");
      return t("failed.generic");
  }
}

export const RESYNC_STOP_MESSAGES = { disconnected: DISCONNECTED, revoked: REVOKED };
