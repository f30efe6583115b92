// The outcome of a payment: the Charge it creates, the capture a successful charge starts (its
// balance transaction, with Stripe's fee, follows: engine/captures.ts), the declines and their errors, and SEPA debits settling days later.
import type { Engine } from "../engine";
import { chargeFee } from "../pricing";
import { newId, now, present, text } from "../store";
import { invalid, StripeApiError } from "../wire";
import { pricingFor } from "./balance";
import { beginCapture } from "./captures";
import { afterPayment } from "./invoices";
import { generateSepaDebit, idealDetails } from "./mandates";
import type { Account, Charge, Obj, PaymentIntent } from "./objects";
import { FAILING_IBANS } from "./payment-methods";
import { getPaymentIntent } from "./payment-intents";

export function createCharge(
  engine: Engine,
  pi: PaymentIntent,
  accountId: string,
  pm: Obj,
  status: "succeeded" | "pending" | "failed",
  failure?: { code: string; message: string; decline?: string },
): Charge {
  const type = String(pm.type);
  const details: Record<string, unknown> = { type };
  if (type === "card") details.card = { ...(pm.card as object), network: pm.card && (pm.card as { brand: string }).brand, three_d_secure: null };
  else if (type === "sepa_debit") details.sepa_debit = { ...(pm.sepa_debit as object), mandate: newId("mandate", 24) };
  else details[type] = {};
  const account = engine.account(accountId) as Account;
  const prefix = String((account.settings as { payments: { statement_descriptor: string } }).payments.statement_descriptor).slice(0, 10);
  const charge: Charge = {
    id: newId(type === "sepa_debit" ? "py" : "ch", 24),
    object: "charge",
    created: now(),
    amount: pi.amount,
    amount_captured: status === "succeeded" ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: pi.statement_descriptor_suffix ? `${prefix}* ${text(pi.statement_descriptor_suffix)}` : prefix,
    captured: status === "succeeded",
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: {
      network_status: status === "failed" ? "declined_by_network" : "approved_by_network",
      reason: failure?.decline ?? null,
      risk_level: "normal",
      seller_message: status === "failed" ? "The bank did not return any further details with this decline." : "Payment complete.",
      type: status === "failed" ? "issuer_declined" : "authorized",
    },
    paid: status === "succeeded",
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: details,
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: `${engine.config.baseUrl}/receipts/${pi.id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status,
    transfer_data: null,
    transfer_group: null,
  };
  return engine.store.put(accountId, charge);
}

export function succeedPayment(engine: Engine, pi: PaymentIntent, accountId: string, pm: Obj, existingCharge?: Charge): PaymentIntent {
  const account = engine.account(accountId) as Account;
  const charge = existingCharge ?? createCharge(engine, pi, accountId, pm, "succeeded");
  charge.status = "succeeded";
  charge.paid = true;
  charge.captured = true;
  charge.amount_captured = charge.amount;
  const settled = engine.fx.convert(charge.amount, charge.currency, account.default_currency).amount;
  // An iDEAL payment for future use sets up a SEPA Direct Debit: later installments debit that.
  let saved = pm;
  if (pm.type === "ideal") {
    const generated = pi.setup_future_usage && pi.customer ? generateSepaDebit(engine, accountId, pm, pi.customer, { charge: charge.id }) : undefined;
    (charge.payment_method_details as Record<string, unknown>).ideal = idealDetails(generated);
    if (generated) saved = generated.pm;
  }
  pi.status = "succeeded";
  pi.amount_received = pi.amount;
  pi.latest_charge = charge.id;
  pi.next_action = null;
  engine.store.touch();
  engine.webhooks.emit("charge.succeeded", charge, accountId);
  engine.webhooks.emit("payment_intent.succeeded", present(pi), accountId);
  // The balance transaction is booked a moment later (docs/stripe.md#asynchronous-capture).
  beginCapture(engine, accountId, charge, { fee: chargeFee(settled, pricingFor(engine, account)), description: pi.description as string | null });
  afterPayment(engine, pi, accountId, saved, true);
  return pi;
}

export function failPayment(
  engine: Engine,
  pi: PaymentIntent,
  accountId: string,
  pm: Obj | undefined,
  code: string,
  message: string,
  decline?: string,
  httpStatus = 402,
): PaymentIntent {
  let chargeId: string | null = null;
  if (pm && code !== "payment_intent_authentication_failure") {
    const charge = createCharge(engine, pi, accountId, pm, "failed", { code, message, decline });
    chargeId = charge.id;
    engine.webhooks.emit("charge.failed", charge, accountId);
  }
  pi.status = "requires_payment_method";
  pi.latest_charge = chargeId ?? pi.latest_charge;
  pi.next_action = null;
  pi.last_payment_error = {
    type: code === "payment_intent_authentication_failure" ? "invalid_request_error" : "card_error",
    code,
    ...(decline ? { decline_code: decline } : {}),
    message,
    charge: chargeId,
    payment_method: pm ? present(pm) : null,
  };
  engine.store.touch();
  engine.webhooks.emit("payment_intent.payment_failed", present(pi), accountId);
  afterPayment(engine, pi, accountId, pm, false);
  if (code === "payment_intent_authentication_failure") return pi;
  throw new StripeApiError(httpStatus, {
    type: "card_error",
    code,
    ...(decline ? { decline_code: decline } : {}),
    message,
    charge: chargeId,
    payment_intent: present(pi),
    payment_method: pm ? present(pm) : undefined,
  });
}

/** A processing SEPA debit settles (or bounces) days later; the control API stands in for time. */
export function settleProcessing(engine: Engine, accountId: string, id: string, outcome: "succeeded" | "failed") {
  const pi = getPaymentIntent(engine, accountId, id);
  if (pi.status !== "processing") throw invalid(`PaymentIntent ${id} is ${pi.status}, not processing.`);
  const charge = engine.store.get<Charge>(accountId, String(pi.latest_charge), "charge") as Charge;
  const pm = engine.store.get(accountId, String(pi.payment_method), "payment_method") as Obj;
  const bounces = outcome === "failed" || FAILING_IBANS.has(String(pm._iban));
  if (!bounces) return succeedPayment(engine, pi, accountId, pm, charge);
  charge.status = "failed";
  charge.failure_code = "insufficient_funds";
  charge.failure_message = "The customer's account has insufficient funds to cover this payment.";
  engine.webhooks.emit("charge.failed", charge, accountId);
  try {
    failPayment(
      engine,
      pi,
      accountId,
      undefined,
      "payment_method_provider_decline",
      "The customer's bank declined the debit (insufficient funds).",
      "insufficient_funds",
    );
  } catch {
    // A settlement failure is not an API error for anyone; the events tell it.
  }
  return pi;
}
