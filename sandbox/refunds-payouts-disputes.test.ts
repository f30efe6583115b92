// The states a refund, a payout and a dispute go through on real Stripe besides the happy path, driven by the
// control API where a bank or a cardholder decides, and read back with the real `stripe` SDK.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, idText, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

async function paidCharge(account: string, amount = 5000) {
  const pi = await stripe.paymentIntents.create({ amount, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
  return idText(pi.latest_charge);
}

async function eventsOf(account: string, type: string) {
  await control.idle();
  return (await control.events({ account, type })).map((record) => record.event);
}

describe("refund states", () => {
  it("a pending refund succeeds later, with refund.updated and charge.refund.updated", async () => {
    const account = await connectedAccount();
    const charge = await paidCharge(account);
    const refund = await control.refund(charge, { amount: 2000, status: "pending" });
    expect(refund).toMatchObject({ status: "pending", amount: 2000 });
    // The money leaves the balance when the refund is created, pending or not.
    expect(refund.balance_transaction).toMatch(/^txn_/);
    await control.settleRefund(refund.id, "succeeded");
    const now = await stripe.refunds.retrieve(refund.id, undefined, { stripeAccount: account });
    expect(now.status).toBe("succeeded");
    const updated = await eventsOf(account, "refund.updated");
    expect(updated.map((event) => [event.data.object.status, (event as unknown as Stripe.Event).data.previous_attributes])).toEqual([
      ["succeeded", { status: "pending" }],
    ]);
    expect((await eventsOf(account, "charge.refund.updated")).map((event) => event.data.object.status)).toEqual(["succeeded"]);
  });

  it("a pending refund can fail: the money comes back and the charge is no longer refunded", async () => {
    const account = await connectedAccount();
    const charge = await paidCharge(account);
    const refund = await control.refund(charge, { status: "pending" });
    await control.settleRefund(refund.id, "failed");
    const failed = await stripe.refunds.retrieve(refund.id, { expand: ["failure_balance_transaction"] }, { stripeAccount: account });
    expect(failed).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card" });
    expect((failed.failure_balance_transaction as Stripe.BalanceTransaction).amount).toBe(5000);
    expect(await stripe.charges.retrieve(charge, undefined, { stripeAccount: account })).toMatchObject({ amount_refunded: 0, refunded: false });
    expect((await eventsOf(account, "refund.failed")).map((event) => event.data.object.id)).toEqual([refund.id]);
    expect((await eventsOf(account, "charge.refund.updated")).map((event) => event.data.object.status)).toEqual(["failed"]);
  });

  it("a refund that needs the customer's action can be canceled through the API, and only then", async () => {
    const account = await connectedAccount();
    const charge = await paidCharge(account);
    const waiting = await control.refund(charge, { amount: 1000, status: "requires_action" });
    expect(waiting.status).toBe("requires_action");
    const pending = await control.refund(charge, { amount: 1000, status: "pending" });
    await expect(stripe.refunds.cancel(pending.id, undefined, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
    });
    const canceled = await stripe.refunds.cancel(waiting.id, { expand: ["failure_balance_transaction"] }, { stripeAccount: account });
    expect(canceled).toMatchObject({ status: "canceled", failure_reason: "merchant_request" });
    expect((canceled.failure_balance_transaction as Stripe.BalanceTransaction).amount).toBe(1000);
    expect((await stripe.charges.retrieve(charge, undefined, { stripeAccount: account })).amount_refunded).toBe(1000);
    expect((await eventsOf(account, "refund.updated")).map((event) => event.data.object.status)).toEqual(["canceled"]);
    // The control API can also move a requires_action refund on, as the customer would.
    const other = await control.refund(charge, { amount: 500, status: "requires_action" });
    await control.settleRefund(other.id, "succeeded");
    expect((await stripe.refunds.retrieve(other.id, undefined, { stripeAccount: account })).status).toBe("succeeded");
  });

  it("refunds of a SEPA Direct Debit are pending until the bank processes them", async () => {
    const account = await connectedAccount();
    const pi = await stripe.paymentIntents.create(
      {
        amount: 3000,
        currency: "eur",
        confirm: true,
        payment_method_data: {
          type: "sepa_debit",
          sepa_debit: { iban: "DE89370400440532013000" },
          billing_details: { name: "Jenny Rosen", email: "jenny@example.com" },
        },
        mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "127.0.0.1", user_agent: "test" } } },
      },
      { stripeAccount: account },
    );
    await control.settle(pi.id, "succeeded");
    const refund = await stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: account });
    expect(refund.status).toBe("pending");
  });
});

describe("payout states", () => {
  it("a payout goes pending, in_transit, paid, and can still fail after it was paid", async () => {
    const account = await connectedAccount();
    await paidCharge(account);
    const payout = await control.payout(account, "pending");
    expect(payout.status).toBe("pending");
    expect((await control.advancePayout(payout.id)).status).toBe("in_transit");
    expect((await control.advancePayout(payout.id)).status).toBe("paid");
    const failed = await control.failPayout(payout.id);
    expect(failed).toMatchObject({ status: "failed", failure_code: "account_closed" });
    const read = await stripe.payouts.retrieve(payout.id, { expand: ["failure_balance_transaction"] }, { stripeAccount: account });
    expect((read.failure_balance_transaction as Stripe.BalanceTransaction).amount).toBe(payout.amount);
    const updates = await eventsOf(account, "payout.updated");
    expect(updates.map((event) => [event.data.object.status, (event as unknown as Stripe.Event).data.previous_attributes])).toEqual([
      ["in_transit", { status: "pending" }],
      ["paid", { status: "in_transit" }],
      ["failed", { status: "paid" }],
    ]);
    expect((await eventsOf(account, "payout.paid")).length).toBe(1);
    expect((await eventsOf(account, "payout.failed")).length).toBe(1);
    await expect(control.advancePayout(payout.id)).rejects.toThrow(/failed/);
  });

  it("keeps the one-call payout of the control API (paid, or failed before it was paid)", async () => {
    const account = await connectedAccount();
    await paidCharge(account);
    expect((await control.payout(account)).status).toBe("paid");
    await paidCharge(account);
    expect((await control.payout(account, "failed")).status).toBe("failed");
  });
});

describe("disputes and refunds", () => {
  it("refuses to refund a charge that has been charged back (charge_disputed)", async () => {
    const account = await connectedAccount();
    const charge = await paidCharge(account);
    await control.dispute(charge);
    await expect(stripe.refunds.create({ charge, amount: 100 }, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "charge_disputed",
      message: `Charge ${charge} has been charged back; cannot issue a refund.`,
    });
  });

  it("an inquiry (warning_* statuses) withdraws nothing and still allows a refund", async () => {
    const account = await connectedAccount();
    const charge = await paidCharge(account);
    const inquiry = await control.dispute(charge, { inquiry: true });
    expect(inquiry).toMatchObject({ status: "warning_needs_response", is_charge_refundable: true, balance_transactions: [] });
    expect((await eventsOf(account, "charge.dispute.funds_withdrawn")).length).toBe(0);
    await control.updateDispute(inquiry.id, "warning_under_review");
    const refund = await stripe.refunds.create({ charge, amount: 1000 }, { stripeAccount: account });
    expect(refund.status).toBe("succeeded");
    const closed = await control.closeDispute(inquiry.id, "warning_closed");
    expect(closed).toMatchObject({ status: "warning_closed" });
    const statuses = (await eventsOf(account, "charge.dispute.updated")).map((event) => event.data.object.status);
    expect(statuses).toEqual(["warning_under_review"]);
    expect((await eventsOf(account, "charge.dispute.closed")).map((event) => event.data.object.status)).toEqual(["warning_closed"]);
  });

  it("an inquiry that escalates to a chargeback withdraws the money and refuses refunds from then on", async () => {
    const account = await connectedAccount();
    const charge = await paidCharge(account);
    const inquiry = await control.dispute(charge, { inquiry: true });
    const escalated = await control.updateDispute(inquiry.id, "needs_response");
    expect(escalated).toMatchObject({ status: "needs_response", is_charge_refundable: false });
    expect((await eventsOf(account, "charge.dispute.funds_withdrawn")).length).toBe(1);
    await expect(stripe.refunds.create({ charge }, { stripeAccount: account })).rejects.toMatchObject({ code: "charge_disputed" });
    await expect(control.updateDispute(inquiry.id, "warning_under_review")).rejects.toThrow(/inquiry/);
  });
});
