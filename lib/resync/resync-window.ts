// Where a re-sync lists from, and whether it must read open objects again (docs/stripe.md#re-sync).
//
// Stripe lists an account's events for 30 days. A run that completed listed every event up to its
// start, so the next one lists from there (less an overlap for events still being written), at
// most 30 days back. Not from the last event Amply processed: a webhook lost before a later one
// arrived would be older than that and never listed.
//
// Objects are read again when events may be missing that Stripe no longer lists: no completed run
// in the last 30 days and no event of the account recorded in that time either (the worker was
// down for a month, or Amply never saw the account's events), and after a reconnect (events that
// came while the account was disconnected were recorded, but could not be applied in full).
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { StripeResyncReason } from "@/lib/db/generated/client.ts";
import { SYNTHETIC_EVENT_PREFIX } from "./synthetic-event";

/** How far back Stripe lists events. */
export const STRIPE_KEEPS_EVENTS_MS = 30 * 24 * 3600_000;
/** Listed again before the last run's start: events created just before it may not have been listable yet. */
export const OVERLAP_MS = 10 * 60_000;

export async function resyncWindow(
  tx: Tx,
  input: { runId: string; stripeAccountId: string; reason: StripeResyncReason },
  now = new Date(),
): Promise<{ since: Date; rereadObjects: boolean }> {
  const keptFrom = new Date(now.getTime() - STRIPE_KEEPS_EVENTS_MS);
  const [row] = await tx.$queryRaw<Array<{ lastDone: Date | null; lastSeen: Date | null }>>`
    SELECT
      (SELECT max("startedAt") FROM "StripeResync"
        WHERE "stripeAccountId" = ${input.stripeAccountId} AND state = 'done' AND id <> ${input.runId}) AS "lastDone",
      (SELECT max("stripeCreatedAt") FROM "StripeEvent"
        WHERE account = ${input.stripeAccountId} AND id NOT LIKE ${`${SYNTHETIC_EVENT_PREFIX}%`}) AS "lastSeen"`;
  const lastDone = row?.lastDone ?? null;
  const lastSeen = row?.lastSeen ?? null;
  const covered = lastDone !== null && lastDone.getTime() - OVERLAP_MS > keptFrom.getTime();
  const since = covered ? new Date(lastDone.getTime() - OVERLAP_MS) : keptFrom;
  const heardRecently = lastSeen !== null && lastSeen.getTime() > keptFrom.getTime();
  return { since, rereadObjects: input.reason === "reconnect" || (!covered && !heardRecently) };
}
