// What the console's buttons do: the same engine operations as the control API (control.ts), each
// answering with a sentence that says what happened and the state it left.
import { z } from "zod";
import type { Engine } from "../engine";
import type { Charge, Obj, PaymentIntent } from "../engine/objects";
import { decimalsOf, formatMinor } from "../pricing";
import { text, type StripeObject } from "../store";
import { invalid, notFound } from "../wire";
import { awaitingTransfer } from "./view";

/** An amount as a person types it, in major units ("12.5" EUR is 1250), for `currency`. */
export function minorUnits(typed: string, currency: string): number {
  const decimals = decimalsOf(currency);
  const match = /^(\d{1,8})(?:[.,](\d*))?$/.exec(typed.trim());
  if (!match || (match[2] ?? "").length > decimals) {
    throw invalid(
      `Enter an amount in ${currency.toUpperCase()} with at most ${decimals} decimals, e.g. ${formatMinor(10 ** decimals * 12, currency).split(" ")[0]}.`,
      "amount",
    );
  }
  const minor = Number(match[1]) * 10 ** decimals + Number((match[2] ?? "").padEnd(decimals, "0") || "0");
  if (minor < 1) throw invalid("Enter an amount above zero.", "amount");
  return minor;
}

function owned<T extends StripeObject>(engine: Engine, id: string, kind: string): { account: string; object: T } {
  const found = engine.store.locate<T>(id);
  if (!found || found.object.object !== kind) throw notFound(kind, id);
  return found;
}

const none = z.object({}).strict();
const optionalAmount = z.object({ amount: z.string().max(20).optional() }).strict();
const typed = (value: string | undefined) => (value?.trim() ? value : undefined);

type Action<S extends z.ZodType> = { pattern: RegExp; schema: S; run: (engine: Engine, id: string, input: z.infer<S>) => string };
const action = <S extends z.ZodType>(pattern: RegExp, schema: S, run: Action<S>["run"]) => ({ pattern, schema, run }) as Action<z.ZodType>;

export const consoleActions: Array<Action<z.ZodType>> = [
  // A SEPA debit (or any processing payment) settles, or the donor's bank returns it.
  action(/^\/console\/payment_intents\/([^/]+)\/settle$/, z.object({ outcome: z.enum(["succeeded", "failed"]) }).strict(), (engine, id, input) => {
    const { account } = owned<PaymentIntent>(engine, id, "payment_intent");
    const pi = engine.settleProcessing(account, id, input.outcome);
    return input.outcome === "succeeded" && pi.status === "succeeded"
      ? `The debit ${id} settled: the payment of ${formatMinor(pi.amount, pi.currency)} is now succeeded.`
      : `The bank returned the debit ${id}: the payment is now ${pi.status} (payment failed).`;
  }),
  // Money arrives for a bank transfer: all that is still to come, or the amount typed.
  action(/^\/console\/payment_intents\/([^/]+)\/fund$/, optionalAmount, (engine, id, input) => {
    const { account, object: pi } = owned<PaymentIntent>(engine, id, "payment_intent");
    if (!awaitingTransfer(pi) || !pi.customer) throw invalid(`PaymentIntent ${id} is ${pi.status}: it is not waiting for a bank transfer.`);
    const instructions = (pi.next_action as { display_bank_transfer_instructions: { amount_remaining: number; reference: string } })
      .display_bank_transfer_instructions;
    const typedAmount = typed(input.amount);
    const amount = typedAmount === undefined ? instructions.amount_remaining : minorUnits(typedAmount, pi.currency);
    // More than is due would spill into the customer's other waiting payments, or their cash balance.
    if (amount > instructions.amount_remaining)
      throw invalid(`Enter at most ${formatMinor(instructions.amount_remaining, pi.currency)}, the amount still to come.`, "amount");
    engine.fundCashBalance(account, pi.customer, amount, pi.currency, instructions.reference);
    const remaining = pi.amount - pi.amount_received;
    const state =
      pi.status === "succeeded"
        ? `the payment of ${formatMinor(pi.amount, pi.currency)} is now succeeded`
        : `${formatMinor(remaining, pi.currency)} still to come (partially funded)`;
    return `${formatMinor(amount, pi.currency)} arrived by bank transfer with reference ${instructions.reference}: ${state}.`;
  }),
  // A refund as from the Dashboard: the whole unrefunded amount, or the amount typed.
  action(/^\/console\/charges\/([^/]+)\/refund$/, optionalAmount, (engine, id, input) => {
    const { account, object: charge } = owned<Charge>(engine, id, "charge");
    const typedAmount = typed(input.amount);
    const refund = engine.createRefund(account, {
      charge: id,
      amount: typedAmount === undefined ? undefined : minorUnits(typedAmount, charge.currency),
      reason: "requested_by_customer",
      metadata: {},
    });
    return `Refund ${refund.id} of ${formatMinor(Number(refund.amount), charge.currency)} on ${id} is ${text(refund.status)}; ${formatMinor(charge.amount_refunded, charge.currency)} of ${formatMinor(charge.amount, charge.currency)} refunded.`;
  }),
  // The cardholder disputes the charge: a chargeback takes the amount and the dispute fee.
  action(/^\/console\/charges\/([^/]+)\/dispute$/, none, (engine, id) => {
    const { account, object: charge } = owned<Charge>(engine, id, "charge");
    const dispute = engine.openDispute(account, id, "fraudulent");
    return `Dispute ${dispute.id} opened on ${id} (${text(dispute.status)}): ${formatMinor(charge.amount, charge.currency)} and the dispute fee were withdrawn.`;
  }),
  action(/^\/console\/disputes\/([^/]+)\/close$/, z.object({ outcome: z.enum(["won", "lost"]) }).strict(), (engine, id, input) => {
    const { account } = owned<Obj>(engine, id, "dispute");
    const dispute = engine.closeDispute(account, id, input.outcome);
    return dispute.status === "won"
      ? `Dispute ${id} is won: ${formatMinor(Number(dispute.amount), text(dispute.currency))} was reinstated.`
      : `Dispute ${id} is lost: the money stays withdrawn.`;
  }),
  action(/^\/console\/accounts\/([^/]+)\/payout$/, none, (engine, id) => {
    const payout = engine.payout(id, "paid");
    return `Payout ${payout.id} of ${formatMinor(Number(payout.amount), text(payout.currency))} from ${id} is ${text(payout.status)}.`;
  }),
  action(/^\/console\/subscriptions\/([^/]+)\/advance$/, z.object({ outcome: z.enum(["paid", "failed"]) }).strict(), (engine, id, input) => {
    const { account } = owned<Obj>(engine, id, "subscription");
    const { invoice, subscription } = engine.advanceSubscription(account, id, input.outcome);
    return `Subscription ${id} renewed: invoice ${invoice.id} is ${text(invoice.status)}, the subscription is ${subscription.status}.`;
  }),
  action(/^\/console\/invoices\/([^/]+)\/retry$/, none, (engine, id) => {
    const { account } = owned<Obj>(engine, id, "invoice");
    const invoice = engine.retryInvoice(account, id);
    return `Invoice ${id}: payment attempt ${String(invoice.attempt_count)}, the invoice is ${text(invoice.status)}.`;
  }),
  action(/^\/console\/events\/([^/]+)\/redeliver$/, none, (engine, id) => {
    const record = engine.webhooks.get(id);
    if (!record || !engine.webhooks.redeliver(id)) throw notFound("event", id);
    return `Event ${id} (${record.event.type}) is being sent again to ${engine.webhooks.endpointUrl ?? "(no endpoint configured)"}.`;
  }),
];
