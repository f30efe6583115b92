// Payouts of a connected account's balance to its bank, paid or failed (the money comes back).
import type { Engine } from "../engine";
import { newId, now } from "../store";
import { invalid, notFound } from "../wire";
import { book } from "./balance";
import type { Obj } from "./objects";

export function payOut(engine: Engine, accountId: string, outcome: "paid" | "failed" = "paid") {
  const account = engine.account(accountId);
  if (!account) throw notFound("account", accountId);
  const open = engine.store.all(accountId, "balance_transaction").filter((txn) => !txn._paid_out && txn.type !== "payout" && txn.type !== "payout_failure");
  const total = open.reduce((sum, txn) => sum + Number(txn.net), 0);
  if (total <= 0) throw invalid("There is no positive balance to pay out.", undefined, "balance_insufficient");
  for (const txn of open) {
    txn._paid_out = true;
    txn.status = "available";
  }
  const payout: Obj = {
    id: newId("po", 24),
    object: "payout",
    created: now(),
    amount: total,
    arrival_date: now() + 86_400,
    automatic: true,
    balance_transaction: null,
    currency: account.default_currency,
    description: "STRIPE PAYOUT",
    destination: newId("ba", 24),
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: {},
    method: "standard",
    reconciliation_status: "completed",
    source_type: "card",
    statement_descriptor: null,
    status: "pending",
    type: "bank_account",
  };
  const txn = book(engine, accountId, {
    amount: -total,
    currency: account.default_currency,
    type: "payout",
    source: payout.id,
    category: "payout",
    description: "STRIPE PAYOUT",
  });
  txn._paid_out = true;
  payout.balance_transaction = txn.id;
  for (const item of open) item._payout = payout.id;
  engine.store.put(accountId, payout);
  engine.webhooks.emit("payout.created", payout, accountId);
  if (outcome === "paid") {
    payout.status = "paid";
    engine.webhooks.emit("payout.paid", payout, accountId, { previous: { status: "pending" } });
  } else {
    payout.status = "failed";
    payout.failure_code = "account_closed";
    payout.failure_message = "The bank account has been closed.";
    const back = book(engine, accountId, {
      amount: total,
      currency: account.default_currency,
      type: "payout_failure",
      source: payout.id,
      category: "payout_reversal",
      description: "PAYOUT FAILURE",
    });
    back._paid_out = false;
    payout.failure_balance_transaction = back.id;
    for (const item of open) {
      item._paid_out = false;
      delete item._payout;
    }
    engine.webhooks.emit("payout.failed", payout, accountId, { previous: { status: "pending" } });
  }
  engine.store.touch();
  return payout;
}
