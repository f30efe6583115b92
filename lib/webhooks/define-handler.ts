import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { sql } from "@/lib/db/sql";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";
import { isAccessRevoked, isNotFound } from "@/lib/stripe/errors";

/** A handler's answer when the event asks nothing of Amply; the inbox records the reason. */
export class Ignored {
  constructor(readonly reason: string) {}
}

export function ignore(reason: string): Ignored {
  return new Ignored(reason);
}

/**
 * The event is about a donation whose row is not committed yet (a bank transfer's PaymentIntent is
 * confirmed before its donation is stored): the worker tries again a moment later.
 */
export class NotYet extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotYet";
  }
}

/**
 * One handler per event type, one signature. The inbox worker (docs/stripe.md#webhook-inbox) calls
 * `prepare` once it holds the event, outside any transaction (Stripe reads, never holding a lock
 * across an HTTP call), then `apply` inside the transaction that also marks the event processed,
 * and only if this worker still holds an unprocessed event: a handler cannot write twice.
 * `apply` must converge to the same state whatever order events arrive in (docs/stripe.md#any-order).
 *
 * `prepare` gets `fresh`: false when the event's account is no longer connected, so Stripe cannot
 * be asked; the handler then relies on the signed payload alone, or ignores the event.
 */
export type WebhookHandler<E extends Stripe.Event, P> = {
  prepare?: (event: E, context: PrepareContext) => Promise<P | Ignored>;
} & (
  | { apply: (tx: Tx, event: E, prepared: P) => Promise<void | Ignored>; statement?: never }
  /**
   * The hot path's alternative to `apply`: all of the event's writes as one SQL statement, which
   * the processor runs on a plain connection in its own guarded transaction (five round trips in
   * all instead of a dozen through the ORM).
   */
  | { statement: (event: E, prepared: P) => Prisma.Sql; apply?: never }
);

export type PrepareContext = {
  /** Whether the event's account is connected now, so its objects can be read back from Stripe. */
  connected: boolean;
};

export function defineHandler<E extends Stripe.Event, P = undefined>(handler: WebhookHandler<E, P>): WebhookHandler<E, P> {
  return handler;
}

/** The connected account an event came from (null for the platform's own events). */
export function eventAccount(event: Stripe.Event): string | null {
  return event.account ?? null;
}

/** Whether an organisation has this account connected now. */
export async function isConnectedAccount(account: string | null | undefined): Promise<boolean> {
  if (!account) return false;
  // Plain SQL: asked once per event (lib/db/sql.ts: hot path).
  return (await sql<{ id: string }>(Prisma.sql`SELECT id FROM "Organisation" WHERE "stripeAccountId" = ${account} LIMIT 1`)).length > 0;
}

/**
 * Read an event's object back from Stripe on the event's account. An object that account does not
 * have (Stripe answers 404) was not the account's to report on: the event is refused. Events of
 * the platform itself (no `account`), and of an account that is no longer connected (Stripe
 * refuses the read), give null: the handler falls back on the payload.
 */
export async function readOnAccount<T>(
  event: Stripe.Event,
  context: PrepareContext,
  objectId: string,
  read: (stripeAccount: string) => Promise<T>,
): Promise<T | null> {
  if (!event.account || !context.connected) return null;
  try {
    return await read(event.account);
  } catch (error) {
    if (isNotFound(error)) throw new AccountMismatchError(event.account, objectId);
    if (isAccessRevoked(error)) return null;
    throw error;
  }
}
