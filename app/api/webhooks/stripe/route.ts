// POST /api/webhooks/stripe - Stripe events for the platform and connected accounts
import { clientAddress } from "@/lib/api/client-address";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { AccountMismatchError } from "@/lib/webhooks/errors";
import { processStripeEvent } from "@/lib/webhooks/process-stripe-event";
import { verifyStripeEvent, WebhookRejected } from "@/lib/webhooks/verify-stripe-event";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1_000_000;

/** The raw body, exactly as signed, refusing more than MAX_BODY_BYTES without reading it all. */
async function readBody(request: Request): Promise<string | null> {
  const length = request.headers.get("content-length");
  const declared = Number(length ?? 0);
  if (declared > MAX_BODY_BYTES) return null;
  // Stripe always sends a length; read such a body in one go.
  if (length !== null && Number.isInteger(declared)) {
    const text = await request.text();
    return Buffer.byteLength(text) > MAX_BODY_BYTES ? null : text;
  }
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: Request) {
  const body = await readBody(request);
  if (body === null) return Response.json({ error: "Payload too large" }, { status: 413 });

  const env = getEnv();
  let event;
  try {
    event = verifyStripeEvent(body, request.headers.get("stripe-signature"), env.STRIPE_WEBHOOK_SECRETS, env.stripeLivemode);
  } catch (error) {
    if (error instanceof WebhookRejected) {
      // Never the payload: it is not known to be Stripe's.
      log.warn("webhook rejected", { reason: error.reason, source: clientAddress(request) ?? "unknown" });
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
}
