// Disputes (chargebacks): opening one withdraws the amount and the dispute fee; winning it
// reinstates the amount, losing it keeps the money withdrawn. An inquiry (a pre-dispute, statuses
// `warning_needs_response`, `warning_under_review`, `warning_closed`) moves no money and leaves the
// charge refundable; it either closes or escalates into a chargeback.
import type { Engine } from "../engine";
import { DISPUTE_FEE } from "../pricing";
import { newId, now, present } from "../store";
import { invalid, notFound } from "../wire";
import { book } from "./balance";
import { completeCapture } from "./captures";
import type { Account, Charge, Obj } from "./objects";

const INQUIRY = new Set(["warning_needs_response", "warning_under_review", "warning_closed"]);
const CHARGEBACK = new Set(["needs_response", "under_review", "won", "lost"]);

/** Stripe refuses to refund a charged-back charge; during an inquiry a refund is allowed. */
export function refundBlockedByDispute(engine: Engine, accountId: string, charge: Charge) {
  if (!charge.disputed) return false;
  return engine.store.all(accountId, "dispute").some((dispute) => dispute.charge === charge.id && CHARGEBACK.has(String(dispute.status)));
}

function withdraw(engine: Engine, accountId: string, dispute: Obj, charge: Charge) {
  const account = engine.account(accountId) as Account;
  const txn = book(engine, accountId, {
    amount: -charge.amount,
    currency: charge.currency,
    type: "adjustment",
    source: dispute.id,
    category: "dispute",
    description: `Chargeback withdrawal for ${charge.id}`,
    fee: DISPUTE_FEE[account.default_currency] ?? 1500,
    feeDescription: "Dispute fee",
  });
  (dispute.balance_transactions as Obj[]).push(present(txn));
  dispute.is_charge_refundable = false;
  engine.store.touch();
  engine.webhooks.emit("charge.dispute.funds_withdrawn", dispute, accountId);
}

export function openDispute(engine: Engine, accountId: string, chargeId: string, reason = "fraudulent", inquiry = false) {
  const charge = engine.store.get<Charge>(accountId, chargeId, "charge");
  if (!charge) throw notFound("charge", chargeId);
  if (charge.status !== "succeeded") throw invalid(`Charge ${chargeId} has not succeeded.`);
  if (charge.disputed) throw invalid(`Charge ${chargeId} is already disputed.`);
  completeCapture(engine, accountId, charge.id);
  const dispute: Obj = {
    id: newId("dp", 24),
    object: "dispute",
    created: now(),
    amount: charge.amount,
    balance_transactions: [],
    charge: charge.id,
    currency: charge.currency,
    evidence: {},
    evidence_details: { due_by: now() + 7 * 86_400, has_evidence: false, past_due: false, submission_count: 0 },
    is_charge_refundable: inquiry,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason,
    status: inquiry ? "warning_needs_response" : "needs_response",
  };
  engine.store.put(accountId, dispute);
  charge.disputed = true;
  engine.webhooks.emit("charge.dispute.created", dispute, accountId);
  engine.webhooks.emit("charge.updated", charge, accountId, { previous: { disputed: false } });
  if (!inquiry) withdraw(engine, accountId, dispute, charge);
  engine.store.touch();
  return dispute;
}

export function updateDispute(engine: Engine, accountId: string, disputeId: string, status: string) {
  const dispute = engine.store.get(accountId, disputeId, "dispute");
  if (!dispute) throw notFound("dispute", disputeId);
  const from = String(dispute.status);
  if (from === "won" || from === "lost" || from === "warning_closed") throw invalid(`Dispute ${disputeId} is already closed (${from}).`);
  if (status === "warning_closed" || status === "won" || status === "lost") throw invalid("Close a dispute with the close action.");
  if (INQUIRY.has(status) && !INQUIRY.has(from)) throw invalid(`Dispute ${disputeId} is a chargeback now; it cannot go back to an inquiry status.`);
  if (!INQUIRY.has(status) && !CHARGEBACK.has(status)) throw invalid(`Unknown dispute status ${status}.`);
  const previous = { status: from };
  dispute.status = status;
  engine.store.touch();
  engine.webhooks.emit("charge.dispute.updated", dispute, accountId, { previous });
  // An inquiry the cardholder's bank escalates becomes a chargeback: now the money goes.
  if (INQUIRY.has(from) && CHARGEBACK.has(status)) {
    withdraw(engine, accountId, dispute, engine.store.get<Charge>(accountId, String(dispute.charge), "charge") as Charge);
  }
  return dispute;
}

export function closeDispute(engine: Engine, accountId: string, disputeId: string, outcome: "won" | "lost" | "warning_closed") {
  const dispute = engine.store.get(accountId, disputeId, "dispute");
  if (!dispute) throw notFound("dispute", disputeId);
  const from = String(dispute.status);
  if (from === "won" || from === "lost" || from === "warning_closed") throw invalid(`Dispute ${disputeId} is already closed (${from}).`);
  if (INQUIRY.has(from) !== (outcome === "warning_closed")) {
    throw invalid(`Dispute ${disputeId} is ${from}: an inquiry closes as warning_closed, a chargeback as won or lost.`);
  }
  if (outcome === "won") {
    const txn = book(engine, accountId, {
      amount: Number(dispute.amount),
      currency: String(dispute.currency),
      type: "adjustment",
      source: dispute.id,
      category: "dispute_reversal",
      description: `Chargeback reversal for ${String(dispute.charge)}`,
    });
    (dispute.balance_transactions as Obj[]).push(present(txn));
    dispute.status = "won";
    engine.webhooks.emit("charge.dispute.funds_reinstated", dispute, accountId);
  } else {
    dispute.status = outcome;
  }
  engine.store.touch();
  engine.webhooks.emit("charge.dispute.closed", dispute, accountId);
  return dispute;
}
