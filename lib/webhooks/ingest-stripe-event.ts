// The webhook route's one write (docs/stripe.md#webhook-inbox): the verified event goes into the
// inbox, once per event id, in one statement; no Stripe call and no lock on a donation. The worker
// applies it afterwards.
import "server-only";
import type Stripe from "stripe";
import { Prisma } from "@/lib/db/generated/client.ts";
import { sql } from "@/lib/db/sql";
import { orderingKey } from "./ordering-key";
import { wakeInbox } from "./wake";

export type Ingested = "received" | "duplicate";

export async function ingestStripeEvent(event: Stripe.Event, rawBody: string): Promise<Ingested> {
  const created = Number.isSafeInteger(event.created) ? event.created : Math.floor(Date.now() / 1000);
  const rows = await sql<{ id: string }>(Prisma.sql`
    INSERT INTO "StripeEvent" (id, type, account, "apiVersion", "orderingKey", payload, "stripeCreatedAt")
    VALUES (${event.id}, ${event.type}, ${event.account ?? null}, ${event.api_version ?? null}, ${orderingKey(event)}, ${rawBody}::jsonb,
      to_timestamp(${created}::bigint) AT TIME ZONE 'UTC')
    ON CONFLICT (id) DO NOTHING
    RETURNING id`);
  if (rows.length === 0) return "duplicate";
  wakeInbox();
  return "received";
}
