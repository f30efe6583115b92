// Disputes (chargebacks): opening one withdraws the amount and the dispute fee; winning it
// reinstates the amount, losing it keeps the money withdrawn.
import type { Engine } from "../engine";
import { DISPUTE_FEE } from "../pricing";
import { newId, now, present } from "../store";
import { invalid, notFound } from "../wire";
import { book } from "./balance";
import { completeCapture } from "./captures";
import type { Account, Charge, Obj } from "./objects";

export function openDispute(engine: Engine, accountId: string, chargeId: string, reason = "fraudulent") {
  const charge = engine.store.get<Charge>(accountId, chargeId, "charge");
  if (!charge) throw notFound("charge", chargeId);
  if (charge.status !== "succeeded") throw invalid(`Charge ${chargeId} has not succeeded.`);
  if (charge.disputed) throw invalid(`Charge ${chargeId} is already disputed.`);
  completeCapture(engine, accountId, charge.id);
  const account = engine.account(accountId) as Account;
  const disputeFee = DISPUTE_FEE[account.default_currency] ?? 1500;
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
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: charge.payment_intent,
    reason,
    status: "needs_response",
  };
  engine.store.put(accountId, dispute);
  charge.disputed = true;
  engine.webhooks.emit("charge.dispute.created", dispute, accountId);
  engine.webhooks.emit("charge.updated", charge, accountId, { previous: { disputed: false } });
  const txn = book(engine, accountId, {
    amount: -charge.amount,
    currency: charge.currency,
    type: "adjustment",
    source: dispute.id,
    category: "dispute",
    description: `Chargeback withdrawal for ${charge.id}`,
    fee: disputeFee,
    feeDescription: "Dispute fee",
  });
  (dispute.balance_transactions as Obj[]).push(present(txn));
  engine.store.touch();
  engine.webhooks.emit("charge.dispute.funds_withdrawn", dispute, accountId);
  return dispute;
}

export function updateDispute(engine: Engine, accountId: string, disputeId: string, status: string) {
  const dispute = engine.store.get(accountId, disputeId, "dispute");
  if (!dispute) throw notFound("dispute", disputeId);
  const previous = { status: dispute.status };
  dispute.status = status;
  engine.store.touch();
  engine.webhooks.emit("charge.dispute.updated", dispute, accountId, { previous });
  return dispute;
}

export function closeDispute(engine: Engine, accountId: string, disputeId: string, outcome: "won" | "lost") {
  const dispute = engine.store.get(accountId, disputeId, "dispute");
  if (!dispute) throw notFound("dispute", disputeId);
  if (dispute.status === "won" || dispute.status === "lost") throw invalid(`Dispute ${disputeId} is already closed (${String(dispute.status)}).`);
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
    dispute.status = "lost";
  }
  engine.store.touch();
  engine.webhooks.emit("charge.dispute.closed", dispute, accountId);
  return dispute;
}
