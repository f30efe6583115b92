// Refunds, full or partial, of a successful charge; and a refund failing after the fact.
import type { Engine } from "../engine";
import { formatMinor } from "../pricing";
import { newId, now } from "../store";
import { invalid, notFound } from "../wire";
import { book } from "./balance";
import { completeCapture } from "./captures";
import type { Charge, Obj, PaymentIntent } from "./objects";

export function createRefund(
  engine: Engine,
  accountId: string,
  input: { charge?: string; paymentIntent?: string; amount?: number; reason?: string; metadata: Record<string, string>; idempotencyKey?: string | null },
) {
  let charge: Charge | undefined;
  if (input.charge) charge = engine.store.get<Charge>(accountId, input.charge, "charge");
  else if (input.paymentIntent) {
    const pi = engine.store.get<PaymentIntent>(accountId, input.paymentIntent, "payment_intent");
    if (!pi) throw notFound("payment_intent", input.paymentIntent, "payment_intent");
    charge = pi.latest_charge ? engine.store.get<Charge>(accountId, pi.latest_charge, "charge") : undefined;
    if (!charge || charge.status !== "succeeded")
      throw invalid(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent", "charge_not_refundable");
  } else throw invalid("One of the following params should be provided for this request: payment_intent or charge.", "charge", "parameter_missing");
  if (!charge) throw notFound("charge", String(input.charge), "charge");
  // A refund right after the payment: its capture completes first, so the money it gives back was booked.
  completeCapture(engine, accountId, charge.id);
  if (charge.status !== "succeeded") throw invalid(`Charge ${charge.id} has not succeeded; it cannot be refunded yet.`, "charge", "charge_not_refundable");
  if (charge.refunded) throw invalid(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  const remaining = charge.amount - charge.amount_refunded;
  const amount = input.amount ?? remaining;
  if (!Number.isInteger(amount) || amount < 1) throw invalid("Invalid positive integer", "amount");
  if (amount > remaining) {
    throw invalid(
      `Refund amount (${formatMinor(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatMinor(remaining, charge.currency)})`,
      "amount",
      "amount_too_large",
    );
  }
  const refund: Obj = {
    id: newId("re", 24),
    object: "refund",
    created: now(),
    amount,
    balance_transaction: null,
    charge: charge.id,
    currency: charge.currency,
    destination_details: { type: String((charge.payment_method_details as { type: string }).type), card: {} },
    failure_balance_transaction: null,
    failure_reason: null,
    metadata: input.metadata,
    payment_intent: charge.payment_intent,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
  const txn = book(engine, accountId, {
    amount: -amount,
    currency: charge.currency,
    type: "refund",
    source: String(refund.id),
    category: "refund",
    description: "REFUND FOR CHARGE",
  });
  refund.balance_transaction = txn.id;
  engine.store.put(accountId, refund);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  engine.store.touch();
  engine.webhooks.emit("refund.created", refund, accountId, { idempotencyKey: input.idempotencyKey });
  engine.webhooks.emit("charge.refunded", charge, accountId, { previous: { amount_refunded: charge.amount_refunded - amount, refunded: false } });
  return refund;
}

/** A refund can fail after the fact (closed card): its money comes back to the balance. */
export function failRefund(engine: Engine, accountId: string, refundId: string) {
  const refund = engine.store.get(accountId, refundId, "refund");
  if (!refund) throw notFound("refund", refundId);
  if (refund.status === "failed") return refund;
  const charge = engine.store.get<Charge>(accountId, String(refund.charge), "charge") as Charge;
  const txn = book(engine, accountId, {
    amount: Number(refund.amount),
    currency: String(refund.currency),
    type: "refund_failure",
    source: refund.id,
    category: "refund_failure",
    description: "REFUND FAILURE",
  });
  refund.status = "failed";
  refund.failure_reason = "expired_or_canceled_card";
  refund.failure_balance_transaction = txn.id;
  charge.amount_refunded -= Number(refund.amount);
  charge.refunded = false;
  engine.store.touch();
  engine.webhooks.emit("refund.updated", refund, accountId, { previous: { status: "succeeded" } });
  engine.webhooks.emit("refund.failed", refund, accountId);
  return refund;
}
