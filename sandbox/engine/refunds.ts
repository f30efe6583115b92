// Refunds, full or partial, of a successful charge, and the states a refund goes through after it is
// created: a card refund succeeds at once; a SEPA Direct Debit refund is `pending` until the bank
// processes it; some need the customer's action (`requires_action`) and can then be canceled. Each
// later change is told by `refund.updated` and `charge.refund.updated` (and `refund.failed`).
import type { Engine } from "../engine";
import { formatMinor } from "../pricing";
import { newId, now } from "../store";
import { invalid, notFound } from "../wire";
import { book } from "./balance";
import { refundBlockedByDispute } from "./disputes";
import { completeCapture } from "./captures";
import type { Charge, Obj, PaymentIntent } from "./objects";

export type RefundStatus = "pending" | "requires_action" | "succeeded";

/** The bank transfer that funds a cash balance in each currency. */
const BANK_TRANSFER_OF: Record<string, string> = {
  eur: "eu_bank_transfer",
  gbp: "gb_bank_transfer",
  usd: "us_bank_transfer",
  jpy: "jp_bank_transfer",
  mxn: "mx_bank_transfer",
};

/** Payment methods whose refunds the bank processes days later. */
const ASYNC_REFUNDS = new Set(["sepa_debit", "customer_balance"]);

export function createRefund(
  engine: Engine,
  accountId: string,
  input: {
    charge?: string;
    paymentIntent?: string;
    amount?: number;
    reason?: string;
    /** Where the customer is asked for the bank account to refund a bank transfer to. */
    instructionsEmail?: string;
    metadata: Record<string, string>;
    idempotencyKey?: string | null;
    /** The control API's choice; otherwise the payment method decides. */
    status?: RefundStatus;
  },
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
  if (refundBlockedByDispute(engine, accountId, charge))
    throw invalid(`Charge ${charge.id} has been charged back; cannot issue a refund.`, "charge", "charge_disputed");
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
  const type = String((charge.payment_method_details as { type: string }).type);
  let status: RefundStatus = input.status ?? (ASYNC_REFUNDS.has(type) ? "pending" : "succeeded");
  let destination: Record<string, unknown> = { type, [type]: {} };
  let nextAction: Record<string, unknown> | null = null;
  if (type === "customer_balance") {
    // A bank transfer has no card to refund to: with an email to ask at, the customer is emailed for
    // the bank account and the refund waits for it (`requires_action`); without one the money goes
    // back to the customer's cash balance on the account (docs/reports.md#bank-transfer-refunds).
    const customer = typeof charge.customer === "string" ? engine.store.get(accountId, charge.customer, "customer") : undefined;
    const to = input.instructionsEmail ?? (typeof customer?.email === "string" && customer.email ? customer.email : undefined);
    const transferType = String(
      (charge.payment_method_details as { customer_balance?: { bank_transfer?: { type?: string } } }).customer_balance?.bank_transfer?.type ??
        BANK_TRANSFER_OF[charge.currency] ??
        "eu_bank_transfer",
    );
    if (to) {
      status = input.status ?? "requires_action";
      destination = { type: transferType, [transferType]: { reference: null, reference_status: "pending" } };
      if (status === "requires_action")
        nextAction = { type: "display_details", display_details: { email_sent: { email_sent_at: now(), email_sent_to: to }, expires_at: now() + 45 * 86_400 } };
    } else {
      status = input.status ?? "succeeded";
      destination = { type: "customer_cash_balance", customer_cash_balance: {} };
      if (customer) {
        const balances = (customer._cash ??= {}) as Record<string, number>;
        balances[charge.currency] = (balances[charge.currency] ?? 0) + amount;
      }
    }
  }
  const refund: Obj = {
    id: newId("re", 24),
    object: "refund",
    created: now(),
    amount,
    balance_transaction: null,
    charge: charge.id,
    currency: charge.currency,
    destination_details: destination,
    failure_balance_transaction: null,
    failure_reason: null,
    metadata: input.metadata,
    next_action: nextAction,
    payment_intent: charge.payment_intent,
    reason: input.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status,
    transfer_reversal: null,
  };
  // The money leaves the balance when the refund is created, whatever its status; it comes back if
  // the refund fails or is canceled.
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

function getRefund(engine: Engine, accountId: string, refundId: string) {
  const refund = engine.store.get(accountId, refundId, "refund");
  if (!refund) throw notFound("refund", refundId);
  return refund;
}

function announce(engine: Engine, accountId: string, refund: Obj, previousStatus: unknown) {
  engine.store.touch();
  engine.webhooks.emit("refund.updated", refund, accountId, { previous: { status: previousStatus } });
  engine.webhooks.emit("charge.refund.updated", refund, accountId, { previous: { status: previousStatus } });
}

/** The money of a refund that did not happen comes back to the balance, and to the charge. */
function giveBack(engine: Engine, accountId: string, refund: Obj, status: "failed" | "canceled", reason: string) {
  const charge = engine.store.get<Charge>(accountId, String(refund.charge), "charge") as Charge;
  const txn = book(engine, accountId, {
    amount: Number(refund.amount),
    currency: String(refund.currency),
    type: "refund_failure",
    source: refund.id,
    category: "refund_failure",
    description: "REFUND FAILURE",
  });
  const previous = refund.status;
  refund.status = status;
  refund.failure_reason = reason;
  refund.failure_balance_transaction = txn.id;
  refund.next_action = null;
  charge.amount_refunded -= Number(refund.amount);
  charge.refunded = false;
  announce(engine, accountId, refund, previous);
  if (status === "failed") engine.webhooks.emit("refund.failed", refund, accountId);
  return refund;
}

/** A pending (or requires_action) refund is processed: it succeeds or fails. */
export function settleRefund(engine: Engine, accountId: string, refundId: string, outcome: "succeeded" | "failed") {
  const refund = getRefund(engine, accountId, refundId);
  if (refund.status !== "pending" && refund.status !== "requires_action")
    throw invalid(`Refund ${refundId} is ${String(refund.status)}; only a pending or requires_action refund settles.`);
  if (outcome === "failed") return giveBack(engine, accountId, refund, "failed", "expired_or_canceled_card");
  const previous = refund.status;
  refund.status = "succeeded";
  refund.next_action = null;
  announce(engine, accountId, refund, previous);
  return refund;
}

/** A refund can also fail after it succeeded (a closed card). */
export function failRefund(engine: Engine, accountId: string, refundId: string) {
  const refund = getRefund(engine, accountId, refundId);
  if (refund.status === "failed") return refund;
  if (refund.status === "canceled") throw invalid(`Refund ${refundId} is canceled.`);
  return giveBack(engine, accountId, refund, "failed", "expired_or_canceled_card");
}

/** POST /v1/refunds/:id/cancel: only a refund waiting for the customer's action can be canceled. */
export function cancelRefund(engine: Engine, accountId: string, refundId: string) {
  const refund = getRefund(engine, accountId, refundId);
  if (refund.status !== "requires_action") {
    throw invalid(
      // Stripe documents the refusal, not its code: the sandbox gives the message only.
      `You can only cancel a refund with a status of requires_action; this refund's status is ${String(refund.status)}.`,
    );
  }
  return giveBack(engine, accountId, refund, "canceled", "merchant_request");
}
