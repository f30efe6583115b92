// The worker's side of re-sync (docs/stripe.md#re-sync): take a run nobody holds, list the
// account's events page by page and feed each to the webhook inbox through the webhook route's own
// write (`ingestStripeEvent`: an event id is recorded once, so exactly once), then, when the run
// must, read open objects again. Each page's counters and cursor are committed while the lease is
// still this worker's, so a run left by a worker that died goes on from its cursor elsewhere.
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { claimLeasedRun } from "@/lib/jobs/claim-leased-run";
import { Prisma, type StripeResync } from "@/lib/db/generated/client.ts";
import { log } from "@/lib/logger";
import { isAccessRevoked, isNotFound } from "@/lib/stripe/errors";
import { listEventsPage } from "@/lib/stripe/list-events";
import { handlerFor } from "@/lib/webhooks/handler-registry";
import { ingestStripeEvent } from "@/lib/webhooks/ingest-stripe-event";
import { wakeInbox } from "@/lib/webhooks/wake";
import { OBJECT_PHASES, objectsToReread, rereadObject, type ObjectPhase } from "./reread-objects";
import { RESYNC_STOP_MESSAGES } from "./resync-summary";
import { resyncWindow } from "./resync-window";

const LEASE_MS = 2 * 60_000;
/** Attempts before a run that keeps failing stops (each after a longer wait). */
export const MAX_RESYNC_ATTEMPTS = 5;

class LeaseLost extends Error {}
/** A reason the run cannot go on, whatever the retries: it ends as failed, with this message. */
class Stop extends Error {}

type Options = {
  pageSize?: number;
  leaseMs?: number;
  /** Pages (of events or objects) before the worker lets go of the run for its other work. */
  maxPages?: number;
  /** Called after each committed page (tests stop a worker here, as a crash would). */
  afterPage?: () => void | Promise<void>;
};

type Counter = "eventsListed" | "eventsNew" | "eventsKnown" | "objectsReread" | "objectsChanged" | "stripeRequests";
type Progress = Partial<Record<Counter, number>>;

function claimRun(leaseMs: number): Promise<StripeResync | null> {
  return claimLeasedRun<StripeResync>("StripeResync", leaseMs, Prisma.sql`attempts = attempts + 1,`);
}

/**
 * Record a page: counters added, cursor and phase moved, lease extended, in one statement that
 * writes only while this worker still holds the run. Throws LeaseLost otherwise.
 */
async function commitPage(run: StripeResync, leaseMs: number, progress: Progress, moves: { cursor: string | null; phase?: string }) {
  const updated = await db.$executeRaw`
    UPDATE "StripeResync" SET
      "eventsListed" = "eventsListed" + ${progress.eventsListed ?? 0},
      "eventsNew" = "eventsNew" + ${progress.eventsNew ?? 0},
      "eventsKnown" = "eventsKnown" + ${progress.eventsKnown ?? 0},
      "objectsReread" = "objectsReread" + ${progress.objectsReread ?? 0},
      "objectsChanged" = "objectsChanged" + ${progress.objectsChanged ?? 0},
      "stripeRequests" = "stripeRequests" + ${progress.stripeRequests ?? 0},
      cursor = ${moves.cursor}, phase = COALESCE(${moves.phase ?? null}, phase),
      "leaseUntil" = NOW() + ${`${leaseMs} milliseconds`}::interval
    WHERE id = ${run.id} AND "leaseToken" = ${run.leaseToken} AND "leaseUntil" > NOW() AND state = 'running'`;
  if (updated !== 1) throw new LeaseLost();
  if (moves.phase) run.phase = moves.phase;
  run.cursor = moves.cursor;
}

/** Fix where the run lists from and whether it reads objects again, once, when it first starts. */
async function begin(run: StripeResync, leaseMs: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const [held] = await tx.$queryRaw<Array<{ connected: string | null }>>`
      SELECT o."stripeAccountId" AS connected FROM "StripeResync" r JOIN "Organisation" o ON o.id = r."organisationId"
      WHERE r.id = ${run.id} AND r."leaseToken" = ${run.leaseToken} AND r."leaseUntil" > NOW() FOR UPDATE OF r`;
    if (!held) throw new LeaseLost();
    if (held.connected !== run.stripeAccountId) throw new Stop(RESYNC_STOP_MESSAGES.disconnected);
    const window = await resyncWindow(tx, { runId: run.id, stripeAccountId: run.stripeAccountId, reason: run.reason });
    await tx.$executeRaw`
      UPDATE "StripeResync" SET since = ${window.since}, "rereadObjects" = ${window.rereadObjects}, phase = 'events', cursor = NULL,
        "leaseUntil" = NOW() + ${`${leaseMs} milliseconds`}::interval
      WHERE id = ${run.id}`;
    Object.assign(run, window, { phase: "events", cursor: null });
  });
}

/** The phase after `phase`, or null when the run is done. */
function nextPhase(run: StripeResync, phase: string): string | null {
  if (phase === "events") return run.rereadObjects ? OBJECT_PHASES[0] : null;
  const index = OBJECT_PHASES.indexOf(phase as ObjectPhase);
  return OBJECT_PHASES[index + 1] ?? null;
}

/** One page of the current phase: returns false when the run has nothing left (and is then done). */
async function runPage(run: StripeResync, pageSize: number, leaseMs: number): Promise<boolean> {
  if (!run.since) await begin(run, leaseMs);
  const account = run.stripeAccountId;
  if (run.phase === "events") {
    const page = await listEventsPage(account, { since: run.since as Date, startingAfter: run.cursor, limit: pageSize });
    const progress: Progress = { stripeRequests: 1, eventsListed: 0, eventsNew: 0, eventsKnown: 0 };
    for (const listed of page.data) {
      // Listed with the Stripe-Account header: the account the event belongs to, as a Connect
      // endpoint's delivery names it.
      const event = { ...listed, account: listed.account ?? account } as Stripe.Event;
      // Types Amply does not handle are not delivered to its endpoints either: not "missed".
      if (!handlerFor(event)) continue;
      progress.eventsListed = (progress.eventsListed ?? 0) + 1;
      const outcome = await ingestStripeEvent(event, JSON.stringify(event));
      if (outcome === "received") progress.eventsNew = (progress.eventsNew ?? 0) + 1;
      else progress.eventsKnown = (progress.eventsKnown ?? 0) + 1;
    }
    const last = page.data.at(-1)?.id ?? null;
    if (page.has_more && last) {
      await commitPage(run, leaseMs, progress, { cursor: last });
      return true;
    }
    const next = nextPhase(run, "events");
    await commitPage(run, leaseMs, progress, { cursor: null, phase: next ?? "events" });
    return next !== null;
  }
  const phase = run.phase as ObjectPhase;
  const rows = await objectsToReread(phase, account, run.cursor, pageSize);
  const progress: Progress = { stripeRequests: 0, objectsReread: 0, objectsChanged: 0 };
  for (const row of rows) {
    progress.stripeRequests = (progress.stripeRequests ?? 0) + 1;
    progress.objectsReread = (progress.objectsReread ?? 0) + 1;
    // An object the account no longer has (deleted, or never created there) tells Amply nothing
    // new; it must not stop the repair of every other one.
    const event = await rereadObject(phase, account, row.stripeId).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    if (event && (await ingestStripeEvent(event, JSON.stringify(event))) === "received") progress.objectsChanged = (progress.objectsChanged ?? 0) + 1;
  }
  if (rows.length === pageSize) {
    await commitPage(run, leaseMs, progress, { cursor: rows[rows.length - 1]?.id ?? null });
    return true;
  }
  const next = nextPhase(run, phase);
  await commitPage(run, leaseMs, progress, { cursor: null, phase: next ?? phase });
  return next !== null;
}

async function finish(run: StripeResync) {
  const updated = await db.$executeRaw`
    UPDATE "StripeResync" SET state = 'done', "activeAccount" = NULL, "leaseToken" = NULL, "leaseUntil" = NULL, "lastError" = NULL, "finishedAt" = NOW()
    WHERE id = ${run.id} AND "leaseToken" = ${run.leaseToken} AND state = 'running'`;
  if (updated !== 1) throw new LeaseLost();
  // Everything was recorded as it was listed; this only makes sure the inbox looks now.
  wakeInbox();
}

async function fail(run: StripeResync, error: unknown) {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const final = error instanceof Stop || isAccessRevoked(error) || run.attempts >= MAX_RESYNC_ATTEMPTS;
  const message = isAccessRevoked(error) ? RESYNC_STOP_MESSAGES.revoked : reason;
  // Tried again after 1, 2, 4, 8 minutes; a final failure frees the account for the next run.
  const retryIn = `${Math.min(60_000 * 2 ** Math.max(0, run.attempts - 1), 30 * 60_000)} milliseconds`;
  await db.$executeRaw(
    final
      ? Prisma.sql`UPDATE "StripeResync" SET state = 'failed', "activeAccount" = NULL, "leaseToken" = NULL, "leaseUntil" = NULL, "lastError" = ${message}, "finishedAt" = NOW()
          WHERE id = ${run.id} AND "leaseToken" = ${run.leaseToken}`
      : Prisma.sql`UPDATE "StripeResync" SET "leaseToken" = NULL, "leaseUntil" = NOW() + ${retryIn}::interval, "lastError" = ${message}
          WHERE id = ${run.id} AND "leaseToken" = ${run.leaseToken}`,
  );
  (final ? log.warn : log.info)(final ? "re-sync stopped" : "re-sync failed; will retry", {
    runId: run.id,
    account: run.stripeAccountId,
    attempts: run.attempts,
    error: reason,
  });
}

/**
 * Take one run and work through it (up to `maxPages` pages, then let it go for the next turn).
 * `runs`: 1 when a run was taken, 0 when there was nothing to do.
 */
export async function processResyncRuns(options: Options = {}): Promise<{ runs: number; pages: number }> {
  const pageSize = options.pageSize ?? 100;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const run = await claimRun(leaseMs);
  if (!run) return { runs: 0, pages: 0 };
  let pages = 0;
  try {
    if (run.attempts > MAX_RESYNC_ATTEMPTS) throw new Stop(run.lastError ?? "The re-sync failed too often.");
    while (pages < maxPages) {
      const more = await runPage(run, pageSize, leaseMs);
      pages++;
      if (!more) {
        await finish(run);
        return { runs: 1, pages };
      }
      await options.afterPage?.();
    }
    // A turn is over: let go, keeping the attempts count of a run that has not failed.
    await db.stripeResync.updateMany({
      where: { id: run.id, leaseToken: run.leaseToken },
      data: { leaseToken: null, leaseUntil: null, attempts: { decrement: 1 } },
    });
    return { runs: 1, pages };
  } catch (error) {
    if (error instanceof LeaseLost) {
      log.info("re-sync taken over by another worker", { runId: run.id });
      return { runs: 1, pages };
    }
    await fail(run, error).catch((recordError: unknown) => log.error("re-sync failure could not be recorded", { runId: run.id, error: String(recordError) }));
    return { runs: 1, pages };
  }
}
