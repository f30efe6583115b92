// The objects a re-sync reads again when events may be missing that Stripe no longer lists
// (docs/stripe.md#re-sync). Only what can still change and what Amply acts on:
//
// - gifts whose payment is pending or processing (created in the last 90 days: an abandoned
//   donation page leaves a pending gift that never changes), and paid gifts with no ledger entry
//   yet (their balance transaction came later);
// - refunds still pending or requiring action;
// - recurring gifts whose subscription has not ended.
//
// Each is read at Amply's API version and, when its state calls for a handler, becomes a
// synthetic event for the inbox (synthetic-event.ts). Disputes, payouts and invoices are left to
// their own events: a dispute's money is booked from its events, and an invoice's payment is a
// PaymentIntent read here.
import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { retrievePaymentIntentWithCharge } from "@/lib/stripe/retrieve-payment-intent-with-charge";
import { retrieveRefund } from "@/lib/stripe/retrieve-refund";
import { retrieveSubscription } from "@/lib/stripe/retrieve-subscription";
import { syntheticEvent } from "./synthetic-event";

export const OBJECT_PHASES = ["donations", "refunds", "gifts"] as const;
export type ObjectPhase = (typeof OBJECT_PHASES)[number];

type Row = { id: string; stripeId: string };

/** The next batch of one kind, after `cursor` in id order. */
export function objectsToReread(phase: ObjectPhase, account: string, cursor: string | null, limit: number, client: Tx | typeof db = db): Promise<Row[]> {
  const after = cursor ?? "";
  switch (phase) {
    case "donations":
      return client.$queryRaw<Row[]>`
        SELECT d.id, d."stripePaymentIntentId" AS "stripeId" FROM "Donation" d
        WHERE d."stripeAccountId" = ${account} AND d."stripePaymentIntentId" IS NOT NULL AND d.id > ${after}
          AND (
            (d."paymentStatus" IN ('pending', 'processing') AND d."createdAt" > NOW() - interval '90 days')
            OR (d."paymentStatus" = 'succeeded' AND NOT EXISTS (
              SELECT 1 FROM "LedgerEntry" l WHERE l."donationId" = d.id AND l.type = 'donation_received'))
          )
        ORDER BY d.id LIMIT ${limit}`;
    case "refunds":
      return client.$queryRaw<Row[]>`
        SELECT r.id, r."stripeRefundId" AS "stripeId" FROM "Refund" r
        WHERE r."stripeAccountId" = ${account} AND r.status IN ('pending', 'requires_action') AND r.id > ${after}
        ORDER BY r.id LIMIT ${limit}`;
    case "gifts":
      return client.$queryRaw<Row[]>`
        SELECT g.id, g."stripeSubscriptionId" AS "stripeId" FROM "RecurringDonation" g
        WHERE g."stripeAccountId" = ${account} AND g."stripeSubscriptionId" IS NOT NULL
          AND g.status NOT IN ('canceled', 'incomplete_expired') AND g.id > ${after}
        ORDER BY g.id LIMIT ${limit}`;
  }
}

/** The event that brings Amply up to date with a PaymentIntent's state, or null when none would change anything. */
function paymentEvent(account: string, intent: Stripe.PaymentIntent): Stripe.Event | null {
  const charge = intent.latest_charge;
  // Handlers read the charge themselves; the payload names it, as Stripe's events do.
  const object = { ...intent, latest_charge: typeof charge === "string" || charge === null ? charge : charge.id };
  if (intent.status === "succeeded") {
    // The booked balance transaction is part of the state: a re-read once it exists books the ledger entry.
    const booked = typeof charge === "object" && charge !== null && charge.balance_transaction ? "booked" : "unbooked";
    return syntheticEvent(account, "payment_intent.succeeded", object, booked);
  }
  if (intent.status === "processing") return syntheticEvent(account, "payment_intent.processing", object);
  if (intent.status === "requires_payment_method" && intent.last_payment_error) return syntheticEvent(account, "payment_intent.payment_failed", object);
  return null;
}

/** Read one object again: the synthetic event to feed the inbox, or null. One Stripe request. */
export async function rereadObject(phase: ObjectPhase, account: string, stripeId: string): Promise<Stripe.Event | null> {
  switch (phase) {
    case "donations":
      return paymentEvent(account, await retrievePaymentIntentWithCharge(account, stripeId));
    case "refunds": {
      const refund = await retrieveRefund(account, stripeId, []);
      return syntheticEvent(account, "refund.updated", refund);
    }
    case "gifts": {
      const subscription = await retrieveSubscription(account, stripeId);
      return syntheticEvent(account, "customer.subscription.updated", subscription);
    }
  }
}
