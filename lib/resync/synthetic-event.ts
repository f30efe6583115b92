// An object read again from Stripe, as an event the webhook inbox applies through the same handler
// as Stripe's own (docs/stripe.md#re-sync). Its id is derived from the object as read: reading an
// unchanged object again gives the same id, which the inbox has recorded already, so a second
// re-sync applies nothing; a changed object gives a new one.
import "server-only";
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { STRIPE_API_VERSION } from "@/lib/stripe/client";

export const SYNTHETIC_EVENT_PREFIX = "evt_amply_resync_";

/** `state`: what else, not in the object itself, makes its state (a charge's balance transaction booked). */
export function syntheticEvent(account: string, type: Stripe.Event.Type, object: { id: string; livemode?: boolean }, state = ""): Stripe.Event {
  const digest = createHash("sha256").update(`${type}\0${state}\0`).update(JSON.stringify(object)).digest("hex").slice(0, 24);
  return {
    id: `${SYNTHETIC_EVENT_PREFIX}${digest}`,
    object: "event",
    type,
    account,
    // Read through Amply's client: the pinned version, so the inbox takes the object as it is.
    api_version: STRIPE_API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: object.livemode ?? false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    data: { object },
  } as unknown as Stripe.Event;
}
