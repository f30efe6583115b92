// Payouts of a connected account's balance to its bank. A payout is `pending`, then `in_transit`,
// then `paid`; it can fail before it is paid, and also after (the bank returns it days later), and
// then its money comes back to the balance. Each status change is told by `payout.updated`, and
// `paid` / `failed` by their own events too.
import type { Engine } from "../engine";
import { newId, now } from "../store";
import { invalid, notFound } from "../wire";
import { book } from "./balance";
import { completeCapture } from "./captures";
import type { Obj } from "./objects";

/** Pay out the whole open balance; the control API's one-call form goes straight to paid or failed. */
export function payOut(engine: Engine, accountId: string, outcome: "paid" | "failed" | "pending" = "paid") {
  const account = engine.account(accountId);
  if (!account) throw notFound("account", accountId);
  // A test paying out right after a payment means its money too: captures still pending (a few
  // hundred milliseconds) complete first, as they would have by the time Stripe pays out.
  for (const charge of engine.store.all(accountId, "charge")) if (charge._pending_capture) completeCapture(engine, accountId, String(charge.id));
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
    _covers: open.map((txn) => txn.id),
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
  } else if (outcome === "failed") {
    failPayout(engine, accountId, String(payout.id), { quiet: true });
  }
  engine.store.touch();
  return payout;
}

function getPayout(engine: Engine, accountId: string, payoutId: string) {
  const payout = engine.store.get(accountId, payoutId, "payout");
  if (!payout) throw notFound("payout", payoutId);
  return payout;
}

/** The bank moves a payout on: pending -> in_transit -> paid. */
export function advancePayout(engine: Engine, accountId: string, payoutId: string) {
  const payout = getPayout(engine, accountId, payoutId);
  const from = String(payout.status);
  const to = from === "pending" ? "in_transit" : from === "in_transit" ? "paid" : null;
  if (!to) throw invalid(`Payout ${payoutId} is ${from}; only a pending or in_transit payout moves on.`);
  payout.status = to;
  engine.store.touch();
  engine.webhooks.emit("payout.updated", payout, accountId, { previous: { status: from } });
  if (to === "paid") engine.webhooks.emit("payout.paid", payout, accountId, { previous: { status: from } });
  return payout;
}

/**
 * The payout fails, before or after it was paid: its money comes back to the balance. (`quiet`: the
 * control API's one-call failed payout, which has always sent `payout.failed` alone.)
 */
export function failPayout(engine: Engine, accountId: string, payoutId: string, options: { quiet?: boolean } = {}) {
  const payout = getPayout(engine, accountId, payoutId);
  const from = String(payout.status);
  if (from === "failed" || from === "canceled") throw invalid(`Payout ${payoutId} is already ${from}.`);
  payout.status = "failed";
  payout.failure_code = "account_closed";
  payout.failure_message = "The bank account has been closed.";
  const back = book(engine, accountId, {
    amount: Number(payout.amount),
    currency: String(payout.currency),
    type: "payout_failure",
    source: payout.id,
    category: "payout_reversal",
    description: "PAYOUT FAILURE",
  });
  back._paid_out = false;
  payout.failure_balance_transaction = back.id;
  for (const txnId of payout._covers as string[]) {
    const covered = engine.store.get(accountId, txnId, "balance_transaction");
    if (covered) covered._paid_out = false;
  }
  engine.store.touch();
  if (!options.quiet) engine.webhooks.emit("payout.updated", payout, accountId, { previous: { status: from } });
  engine.webhooks.emit("payout.failed", payout, accountId, { previous: { status: from } });
  return payout;
}
