import "server-only";
import type Stripe from "stripe";
import { stripe } from "@/lib/stripe/client";

/**
 * A signature more than five minutes old is refused (replay protection; Stripe's default), and so
 * is one dated more than five minutes ahead, which stripe-node alone would accept.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export class WebhookRejected extends Error {
  constructor(readonly reason: "missing_signature" | "invalid_signature" | "stale_timestamp" | "future_timestamp" | "malformed_payload" | "wrong_mode") {
    super(reason);
    this.name = "WebhookRejected";
  }
}

/**
 * Verify `Stripe-Signature` against every configured secret (the platform and Connect endpoints,
 * current and previous during a rotation; docs/stripe.md#webhook-verification). The first secret
 * that verifies wins.
 */
export function verifyStripeEvent(payload: string, signature: string | null, secrets: readonly string[], livemode: boolean, now = Date.now()): Stripe.Event {
  const timestamp = Number(/(?:^|,)t=(\d+)/.exec(signature ?? "")?.[1]);
  if (!signature || !timestamp || !/v1=/.test(signature)) throw new WebhookRejected("missing_signature");
  if (timestamp - Math.floor(now / 1000) > SIGNATURE_TOLERANCE_SECONDS) throw new WebhookRejected("future_timestamp");
  const webhooks = stripe().webhooks;
  let stale = false;
  for (const secret of secrets) {
    let event: Stripe.Event;
    try {
      event = webhooks.constructEvent(payload, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch (error) {
      const signatureError = error instanceof Error && "type" in error && error.type === "StripeSignatureVerificationError";
      // A payload that verifies but is not JSON: it is Stripe's, and broken.
      if (!signatureError) throw new WebhookRejected("malformed_payload");
      if (/tolerance zone/i.test(error.message)) stale = true;
      continue;
    }
    checkShape(event);
    if (event.livemode !== livemode) throw new WebhookRejected("wrong_mode");
    return event;
  }
  throw new WebhookRejected(stale ? "stale_timestamp" : "invalid_signature");
}

function checkShape(event: unknown): asserts event is Stripe.Event {
  const shape = event as Partial<Stripe.Event> | null;
  if (
    !shape ||
    typeof shape !== "object" ||
    typeof shape.id !== "string" ||
    !shape.id.startsWith("evt_") ||
    typeof shape.type !== "string" ||
    typeof shape.livemode !== "boolean" ||
    typeof shape.data?.object !== "object" ||
    shape.data.object === null ||
    (shape.account !== undefined && shape.account !== null && typeof shape.account !== "string")
  ) {
    throw new WebhookRejected("malformed_payload");
  }
}
