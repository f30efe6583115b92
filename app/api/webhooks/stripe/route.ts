// POST /api/webhooks/stripe - Stripe events for the platform and connected accounts. Verified and
// recorded in the inbox, then answered at once; the worker applies them (docs/stripe.md#webhook-inbox).
import { publicRoute } from "@/lib/api/public-route";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { ingestStripeEvent } from "@/lib/webhooks/ingest-stripe-event";
import { verifyStripeEvent, WebhookRejected } from "@/lib/webhooks/verify-stripe-event";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The raw body, exactly as signed, at most 1 MB (Stripe's events are far smaller).
export const POST = publicRoute({ maxBytes: 1_000_000 }, async ({ body, request, clientAddress }) => {
  const env = getEnv();
  let event;
  try {
    event = verifyStripeEvent(body, request.headers.get("stripe-signature"), env.STRIPE_WEBHOOK_SECRETS, env.stripeLivemode);
  } catch (error) {
    if (error instanceof WebhookRejected) {
      // Never the payload: it is not known to be Stripe's.
      log.warn("webhook rejected", { reason: error.reason, source: clientAddress });
      return Response.json({ error: error.reason }, { status: 400 });
    }
    throw error;
  }
  try {
    return Response.json({ status: await ingestStripeEvent(event, body) });
  } catch (error) {
    // 5xx: not recorded, so Stripe delivers it again.
    log.error("webhook could not be recorded", { eventId: event.id, type: event.type, error });
    return Response.json({ error: "not_recorded" }, { status: 500 });
  }
});
