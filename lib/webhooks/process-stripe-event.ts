import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { handlerFor } from "./handlers";

export type Outcome = "processed" | "already_processed" | "ignored";

/**
 * Exactly once (ERRATA 16): the processed-event row is inserted in the same transaction as the
 * handler's effects. Of two concurrent deliveries, the second waits on that row's unique key and
 * then finds it taken; if the first fails, its row rolls back with everything else and a
 * redelivery runs the handler again.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<Outcome> {
  const handler = handlerFor(event);
  if (!handler) return "ignored";
  // Cheap early exit for redeliveries: skip the Stripe reads in `prepare`. The insert below is
  // what actually guarantees exactly once.
  if (await db.processedStripeEvent.findUnique({ where: { eventId: event.id }, select: { eventId: true } })) return "already_processed";
  const prepared = handler.prepare ? await handler.prepare(event) : undefined;
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "ProcessedStripeEvent" ("eventId", type, account, "processedAt")
        VALUES (${event.id}, ${event.type}, ${event.account ?? null}, NOW())
        ON CONFLICT ("eventId") DO NOTHING`;
      if (inserted === 0) return "already_processed" as const;
      await handler.apply(tx, event, prepared);
      return "processed" as const;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
