// The webhook inbox's processor (docs/stripe.md#webhook-inbox): claim recorded events, apply each
// exactly once, retry what failed, park what keeps failing. Several workers may run at once.
//
// - A claim is a lease committed before any Stripe read: no row lock is held across `prepare`.
// - Events with one ordering key run one at a time: claims take a per-key advisory lock, then (in
//   a fresh snapshot, so a lease committed meanwhile is seen) skip keys another worker holds.
// - The apply transaction commits only while the event is still pending and the lease still this
//   worker's: a handler cannot write for a duplicate, a lapsed lease or another worker's event.
// - A failing event is retried with backoff, then parked as `failed`; it never blocks later events
//   of its key.
import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type Stripe from "stripe";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { LOCK_TIMEOUT_MS, sharedPool, STATEMENT_TIMEOUT_MS } from "@/lib/db/sql";
import { getEnv } from "@/lib/env";
import { ReplacedAttempt } from "@/lib/donations/find-donation";
import { log } from "@/lib/logger";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";
import { STRIPE_API_VERSION } from "@/lib/stripe/client";
import { retrieveEventObject } from "@/lib/stripe/retrieve-event-object";
import { Ignored, isConnectedAccount, NotYet, type WebhookHandler } from "./define-handler";
import { handlerFor } from "./handler-registry";

/** Attempts before an event is parked as failed: about an hour and a half of retries. */
export const MAX_ATTEMPTS = 15;

/** 1 s, 2 s, 4 s ... capped at 15 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

type Claimed = { id: string; type: string; account: string | null; orderingKey: string; payload: Stripe.Event; attempts: number };
type Handlers = (event: Stripe.Event) => WebhookHandler<Stripe.Event, unknown> | undefined;

export type Outcome = "processed" | "ignored" | "rejected" | "retry" | "failed" | "lost";

/** Ask the database to give up on a lock wait or a long statement, for this transaction only. */
export async function boundTransaction(tx: Tx) {
  await tx.$queryRaw`SELECT set_config('lock_timeout', ${`${LOCK_TIMEOUT_MS}ms`}, true), set_config('statement_timeout', ${`${STATEMENT_TIMEOUT_MS}ms`}, true)`;
}

/** Claim up to `limit` due events, at most one per ordering key, none of a key another worker holds. */
export async function claimEvents(workerId: string, limit: number): Promise<Claimed[]> {
  // Longer than Stripe's reads can take (20 s, twice retried): two minutes by default.
  const leaseMs = getEnv().AMPLY_WEBHOOK_LEASE_MS;
  return db.$transaction(async (tx) => {
    await boundTransaction(tx);
    const candidates = await tx.$queryRaw<{ id: string; orderingKey: string }[]>`
      SELECT DISTINCT ON ("orderingKey") id, "orderingKey" FROM (
        SELECT id, "orderingKey", "stripeCreatedAt", "receivedAt" FROM "StripeEvent"
        WHERE state = 'pending' AND "nextAttemptAt" <= NOW() AND ("leaseUntil" IS NULL OR "leaseUntil" < NOW())
        ORDER BY "nextAttemptAt", "receivedAt"
        LIMIT ${limit * 4}
        FOR UPDATE SKIP LOCKED
      ) due
      ORDER BY "orderingKey", "stripeCreatedAt", "receivedAt"`;
    if (candidates.length === 0) return [];
    // Held until this transaction commits, with the leases: two workers never claim one key.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM unnest(${candidates.map((c) => c.id)}::text[], ${candidates.map((c) => c.orderingKey)}::text[]) AS c(id, key)
      WHERE pg_try_advisory_xact_lock(hashtextextended('amply.webhook:' || c.key, 0))`;
    if (locked.length === 0) return [];
    // A new statement, a new snapshot: leases committed before the locks were taken are visible.
    return tx.$queryRaw<Claimed[]>`
      UPDATE "StripeEvent" e SET "leaseOwner" = ${workerId}, "leaseUntil" = NOW() + ${`${leaseMs} milliseconds`}::interval, attempts = e.attempts + 1
      WHERE e.id IN (
        SELECT f.id FROM "StripeEvent" f
        WHERE f.id = ANY(${locked.map((row) => row.id)}::text[])
          AND NOT EXISTS (
            SELECT 1 FROM "StripeEvent" o
            WHERE o."orderingKey" = f."orderingKey" AND o.id <> f.id AND o.state = 'pending' AND o."leaseUntil" > NOW()
          )
        LIMIT ${limit}
      )
      RETURNING e.id, e.type, e.account, e."orderingKey", e.payload, e.attempts`;
  });
}

/** Prepare and apply one claimed event, and record how it ended. */
export async function processClaimed(
  claimed: Claimed,
  workerId: string,
  handlers: Handlers = handlerFor,
  connectedAccounts = new Map<string, Promise<boolean>>(),
): Promise<Outcome> {
  try {
    const event = claimed.payload;
    const handler = handlers(event);
    if (!handler) return await finish(claimed, workerId, "ignored", `Amply does not handle ${event.type}`);
    // Asked once per account per round of claims.
    const account = event.account ?? "";
    if (!connectedAccounts.has(account)) connectedAccounts.set(account, isConnectedAccount(event.account));
    const connected = await (connectedAccounts.get(account) as Promise<boolean>);
    if (connected && event.account && event.api_version && event.api_version !== STRIPE_API_VERSION) {
      // Rendered at another API version: the object as Amply's version shapes it.
      const object = await retrieveEventObject(event.account, event.data.object);
      if (object) event.data.object = object;
    }
    const prepared = handler.prepare ? await handler.prepare(event, { connected }) : undefined;
    if (prepared instanceof Ignored) return await finish(claimed, workerId, "ignored", prepared.reason);
    if (handler.statement) return await applyStatement(claimed, workerId, handler.statement(event, prepared));
    return await db.$transaction(
      async (tx) => {
        await boundTransaction(tx);
        const [held] = await tx.$queryRaw<{ id: string }[]>`
          SELECT id FROM "StripeEvent" WHERE id = ${claimed.id} AND state = 'pending' AND "leaseOwner" = ${workerId} FOR UPDATE`;
        // Processed meanwhile by a worker that took over a lapsed lease: nothing is written.
        if (!held) return "lost" as const;
        const result = await handler.apply(tx, event, prepared);
        const ignored = result instanceof Ignored;
        await mark(tx, claimed.id, ignored ? "ignored" : "processed", ignored ? result.reason : null);
        return ignored ? ("ignored" as const) : ("processed" as const);
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    return failed(claimed, workerId, error);
  }
}

/**
 * A handler's one statement, in a transaction on a plain connection: bounded waits, the event
 * still pending and this worker's, the statement, the event marked processed, commit.
 */
async function applyStatement(claimed: Claimed, workerId: string, statement: Prisma.Sql): Promise<Outcome> {
  const client = await sharedPool().connect();
  let broken: Error | undefined;
  const id = client.escapeLiteral(claimed.id);
  try {
    // Three round trips: begin and check the event, the statement, mark and commit. (Every round trip
    // costs: on this kind of machine the socket writes are most of the worker's time.)
    const opened = (await client.query(
      `BEGIN; SELECT set_config('lock_timeout', '${LOCK_TIMEOUT_MS}ms', true), set_config('statement_timeout', '${STATEMENT_TIMEOUT_MS}ms', true);
       SELECT id FROM "StripeEvent" WHERE id = ${id} AND state = 'pending' AND "leaseOwner" = ${client.escapeLiteral(workerId)} FOR UPDATE`,
    )) as unknown as pg.QueryResult[];
    if (opened.at(-1)?.rowCount !== 1) {
      await client.query("ROLLBACK");
      return "lost";
    }
    await client.query(statement.text, statement.values);
    await client.query(
      `UPDATE "StripeEvent" SET state = 'processed', outcome = NULL, "processedAt" = NOW(), "leaseOwner" = NULL, "leaseUntil" = NULL WHERE id = ${id}; COMMIT`,
    );
    return "processed";
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    // A connection that cannot even roll back is dropped from the pool, not reused.
    await client.query("ROLLBACK").then(
      () => (broken = undefined),
      () => undefined,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Mark an event settled; only while it is still pending and `heldBy`'s, when given. */
function settleSql(id: string, state: "processed" | "ignored" | "rejected", outcome: string | null, heldBy?: string): Prisma.Sql {
  return Prisma.sql`
    UPDATE "StripeEvent" SET state = ${state}::"StripeEventState", outcome = ${outcome}, "processedAt" = NOW(), "leaseOwner" = NULL, "leaseUntil" = NULL
    WHERE id = ${id} ${heldBy === undefined ? Prisma.empty : Prisma.sql`AND state = 'pending' AND "leaseOwner" = ${heldBy}`}`;
}

function mark(tx: Tx, id: string, state: "processed" | "ignored", outcome: string | null) {
  return tx.$executeRaw(settleSql(id, state, outcome));
}

/** Record an outcome that wrote nothing else, if the event is still this worker's. */
async function finish(claimed: Claimed, workerId: string, state: "ignored" | "rejected", outcome: string): Promise<Outcome> {
  return (await db.$executeRaw(settleSql(claimed.id, state, outcome, workerId))) === 1 ? state : "lost";
}

async function failed(claimed: Claimed, workerId: string, error: unknown): Promise<Outcome> {
  const reason = error instanceof Error ? error.message : String(error);
  try {
    if (error instanceof AccountMismatchError) {
      // A signed event from one account about another's object: answered, recorded, never applied.
      log.error("webhook account does not own its object", { eventId: claimed.id, type: claimed.type, account: claimed.account, object: error.objectId });
      return await finish(claimed, workerId, "rejected", `account mismatch: ${reason}`);
    }
    if (error instanceof ReplacedAttempt) return await finish(claimed, workerId, "ignored", reason);
    const parked = claimed.attempts >= MAX_ATTEMPTS;
    (error instanceof NotYet ? log.info : log.error)(parked ? "webhook event failed for good; parked" : "webhook event failed; will retry", {
      eventId: claimed.id,
      type: claimed.type,
      attempts: claimed.attempts,
      error: reason,
    });
    const updated = await db.$executeRaw`
      UPDATE "StripeEvent" SET state = ${parked ? "failed" : "pending"}::"StripeEventState", outcome = ${reason.slice(0, 1000)},
        "nextAttemptAt" = NOW() + ${`${retryDelayMs(claimed.attempts)} milliseconds`}::interval, "leaseOwner" = NULL, "leaseUntil" = NULL
      WHERE id = ${claimed.id} AND state = 'pending' AND "leaseOwner" = ${workerId}`;
    return updated === 1 ? (parked ? "failed" : "retry") : "lost";
  } catch (recordError) {
    // The database is gone too: the lease lapses and the event comes back by itself.
    log.error("webhook event failed and its failure could not be recorded", { eventId: claimed.id, error: reason, recordError: String(recordError) });
    return "retry";
  }
}

export type DrainResult = Record<Outcome, number>;

/**
 * Claim and apply due events until none is left (or `maxRounds`), `concurrency` at a time (each a
 * different key). What the worker runs, and what tests call to apply what they delivered.
 */
export async function drainInbox(
  options: { workerId?: string; batch?: number; concurrency?: number; maxRounds?: number; handlers?: Handlers } = {},
): Promise<DrainResult> {
  const workerId = options.workerId ?? `drain-${randomUUID()}`;
  const batch = options.batch ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const result: DrainResult = { processed: 0, ignored: 0, rejected: 0, retry: 0, failed: 0, lost: 0 };
  for (let round = 0; round < (options.maxRounds ?? Number.POSITIVE_INFINITY); round++) {
    const claimed = await claimEvents(workerId, batch);
    if (claimed.length === 0) break;
    let next = 0;
    const connectedAccounts = new Map<string, Promise<boolean>>();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, claimed.length) }, async () => {
        while (next < claimed.length) {
          const event = claimed[next++] as Claimed;
          result[await processClaimed(event, workerId, options.handlers, connectedAccounts)]++;
        }
      }),
    );
  }
  return result;
}

/** Processed, ignored and rejected event ids are kept 31 days (re-syncs look back 30), then purged. */
export async function purgeStripeEvents(olderThanDays = 31): Promise<number> {
  return db.$executeRaw(Prisma.sql`
    DELETE FROM "StripeEvent" WHERE state IN ('processed', 'ignored', 'rejected') AND "processedAt" < NOW() - ${`${olderThanDays} days`}::interval`);
}
