import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";
import { isNotFound } from "@/lib/stripe/errors";

/**
 * One handler per event type, one signature, the transaction passed in. `prepare` reads what it
 * needs from Stripe before the database transaction (never holding a lock across an HTTP call);
 * `apply` writes, in the transaction that also records the event as processed
 * (docs/stripe.md#exactly-once), and must converge to the right state whatever order events
 * arrive in (docs/stripe.md#any-order).
 *
 * A handler on the hot path may instead give `statements`: writes that the processor runs in one
 * SQL statement together with recording the event, each only if it was recorded (use
 * `WHEN_RECORDED`). One round trip instead of a transaction's five.
 */
export type WebhookHandler<E extends Stripe.Event, P> = {
  prepare?: (event: E) => Promise<P>;
} & ({ apply: (tx: Tx, event: E, prepared: P) => Promise<void>; statements?: never } | { statements: (event: E, prepared: P) => Prisma.Sql[]; apply?: never });

/** The condition for a write in `statements`: this delivery is the one that recorded the event. */
export const WHEN_RECORDED = Prisma.sql`WHERE EXISTS (SELECT 1 FROM recorded)`;

export function defineHandler<E extends Stripe.Event, P = undefined>(handler: WebhookHandler<E, P>): WebhookHandler<E, P> {
  return handler;
}

/** The connected account an event came from (null for the platform's own events). */
export function eventAccount(event: Stripe.Event): string | null {
  return event.account ?? null;
}

/**
 * Read an event's object back from Stripe on the event's account. An object that account does not
 * have (Stripe answers 404) was not the account's to report on: the event is refused. Events of
 * the platform itself (no `account`) are about no donation (donations are direct charges on
 * connected accounts): null, and the handler only checks that no donation claims the object.
 */
export async function readOnAccount<T>(event: Stripe.Event, objectId: string, read: (stripeAccount: string) => Promise<T>): Promise<T | null> {
  if (!event.account) return null;
  try {
    return await read(event.account);
  } catch (error) {
    if (isNotFound(error)) throw new AccountMismatchError(event.account, objectId);
    throw error;
  }
}
