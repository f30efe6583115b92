import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { sql } from "@/lib/db/sql";
import { handlerFor } from "./handler-registry";

export type Outcome = "processed" | "already_processed" | "ignored";

/**
 * Exactly once (docs/stripe.md#exactly-once): the processed-event row is inserted in the same transaction as the
 * handler's effects. Of two concurrent deliveries, the second waits on that row's unique key and
 * then finds it taken; if the first fails, its row rolls back with everything else and a
 * redelivery runs the handler again.
 */
export async function processStripeEvent(event: Stripe.Event): Promise<Outcome> {
  const handler = handlerFor(event);
  if (!handler) return "ignored";
  const prepared = handler.prepare ? await handler.prepare(event) : undefined;
  const record = Prisma.sql`
    INSERT INTO "ProcessedStripeEvent" ("eventId", type, account, "processedAt")
    VALUES (${event.id}, ${event.type}, ${event.account ?? null}, NOW())
    ON CONFLICT ("eventId") DO NOTHING`;
  if (handler.statements) {
    // One statement is one transaction: the event row and the handler's writes commit together.
    const writes = handler.statements(event, prepared).map((statement, index) => Prisma.sql`, ${Prisma.raw(`write${index}`)} AS (${statement})`);
    const [row] = await sql<{ recorded: bigint }>(Prisma.sql`
      WITH recorded AS (${record} RETURNING 1) ${writes.length > 0 ? Prisma.join(writes, "") : Prisma.empty}
      SELECT count(*) AS recorded FROM recorded`);
    return row && row.recorded > 0n ? "processed" : "already_processed";
  }
  const apply = handler.apply;
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$executeRaw(record);
      if (inserted === 0) return "already_processed" as const;
      await apply(tx, event, prepared);
      return "processed" as const;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
