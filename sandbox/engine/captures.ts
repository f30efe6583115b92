// Asynchronous capture (docs/stripe.md#asynchronous-capture): at this API version a payment
// succeeds before its money is booked. The charge's balance transaction is null on the success
// events and on any read until the capture completes a moment later (a configurable delay, or held
// until a test releases it); then the balance transaction is booked and `charge.updated` tells it.
import type { Engine } from "../engine";
import { book } from "./balance";
import type { Charge } from "./objects";

/** What the capture will book, kept on the charge (and so in a persisted state file) until then. */
export type PendingCapture = { fee: number; description: string | null };

export type CaptureSettings = { delayMs?: number; hold?: boolean };

export const DEFAULT_CAPTURE_DELAY_MS = 300;

/** Start the capture of a charge that has just succeeded. */
export function beginCapture(engine: Engine, accountId: string, charge: Charge, pending: PendingCapture) {
  charge._pending_capture = pending;
  engine.store.touch();
  const settings = engine.captureSettings.get(accountId) ?? {};
  if (settings.hold) return;
  const delay = settings.delayMs ?? engine.config.captureDelayMs ?? DEFAULT_CAPTURE_DELAY_MS;
  // Even with no delay the capture completes after the success events, as on Stripe.
  const timer = setTimeout(() => {
    engine.captureTimers.delete(charge.id);
    completeCapture(engine, accountId, charge.id);
  }, delay);
  timer.unref();
  engine.captureTimers.set(charge.id, timer);
}

/**
 * Book the charge's balance transaction now, if its capture is still pending (else nothing).
 * Refunds and disputes call this first: money cannot go back before it has been booked.
 */
export function completeCapture(engine: Engine, accountId: string, chargeId: string): Charge | undefined {
  const charge = engine.store.get<Charge>(accountId, chargeId, "charge");
  const pending = charge?._pending_capture as PendingCapture | undefined;
  if (!charge || !pending) return charge;
  clearTimeout(engine.captureTimers.get(chargeId));
  engine.captureTimers.delete(chargeId);
  const txn = book(engine, accountId, {
    amount: charge.amount,
    currency: charge.currency,
    type: "charge",
    source: charge.id,
    category: "charge",
    description: pending.description,
    fee: pending.fee,
  });
  charge.balance_transaction = txn.id;
  delete charge._pending_capture;
  engine.store.touch();
  engine.webhooks.emit("charge.updated", charge, accountId, { previous: { balance_transaction: null } });
  return charge;
}

/** Captures left pending by a previous run (a restart mid-delay) complete when the state loads. */
export function completePendingCaptures(engine: Engine) {
  for (const { account, object } of engine.store.everywhere<Charge>("charge")) {
    if (object._pending_capture) completeCapture(engine, account, object.id);
  }
}

/** Stop the timers (the sandbox is stopping, or its state is reset). */
export function stopCaptures(engine: Engine) {
  for (const timer of engine.captureTimers.values()) clearTimeout(timer);
  engine.captureTimers.clear();
}
