import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * An event's object read again at Amply's pinned API version, for an event rendered at another
 * version (an endpoint created at an older one): the fields Amply reads may be named or shaped
 * differently there. Null for objects Amply has no reason to read.
 */
export async function retrieveEventObject(stripeAccount: string, object: { id?: unknown; object?: unknown }): Promise<Stripe.Event["data"]["object"] | null> {
  if (typeof object.id !== "string") return null;
  const id = object.id;
  const options = { stripeAccount };
  switch (object.object) {
    case "payment_intent":
      return stripe().paymentIntents.retrieve(id, undefined, options);
    case "charge":
      return stripe().charges.retrieve(id, undefined, options);
    case "refund":
      return stripe().refunds.retrieve(id, undefined, options);
    case "dispute":
      return stripe().disputes.retrieve(id, undefined, options);
    case "payout":
      return stripe().payouts.retrieve(id, undefined, options);
    default:
      return null;
  }
}
