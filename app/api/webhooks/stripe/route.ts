// POST /api/webhooks/stripe - Stripe events for the platform and connected accounts
import { publicRoute } from "@/lib/api/public-route";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";
import { processStripeEvent } from "@/lib/webhooks/process-stripe-event";
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
    const outcome = await processStripeEvent(event);
    return Response.json({ status: outcome });
  } catch (error) {
    if (error instanceof AccountMismatchError) {
      log.error("webhook account does not own its object", { eventId: event.id, type: event.type, account: event.account ?? null, object: error.objectId });
      return Response.json({ error: "account_mismatch" }, { status: 400 });
    }
    // 5xx: Stripe retries, and the rolled-back transaction left nothing behind.
    log.error("webhook handler failed", { eventId: event.id, type: event.type, error });
    return Response.json({ error: "handler_failed" }, { status: 500 });
  }
});
