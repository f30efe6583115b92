// Amply's webhook route against the refund, payout and dispute states the sandbox now produces (pending and canceled
// refunds, a payout paid then failed, a dispute inquiry with a refund): every event is accepted once, and the ledger
// still sums to Stripe's balance transactions.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, eventsFor, payWithCard, stripeSdk } from "../support/fixtures";

/** Deliver every event of the account, in the order Stripe sent them. */
async function deliverAll(account: string, types: string[]) {
  for (const event of await eventsFor(account)) if (types.includes(event.type)) expect((await deliver(event)).status).toBe(200);
}

async function paidDonation(amount: number) {
  const org = await connectedOrganisation();
  const { intent, donation } = await donationWithIntent(org, { amount, currency: "eur" });
  const charge = chargeIdOf(await payWithCard(intent.id, org.account));
  return { org, donation, charge };
}

async function stripeNet(account: string, sources: string[]) {
  const txns = await stripeSdk.balanceTransactions.list({ limit: 100 }, { stripeAccount: account });
  return BigInt(txns.data.filter((txn) => typeof txn.source === "string" && sources.includes(txn.source)).reduce((sum, txn) => sum + txn.net, 0));
}

async function ledgerNet(donationId: string) {
  const entries = await db.ledgerEntry.findMany({ where: { donationId } });
  return entries.reduce((sum, entry) => sum + (entry.settlementNet ?? 0n), 0n);
}

const REFUND_EVENTS = ["payment_intent.succeeded", "refund.created", "refund.updated", "refund.failed", "charge.refunded", "charge.refund.updated"];

describe("refund states", () => {
  it("a pending refund that succeeds counts once; a requires_action refund that is canceled gives the money back", async () => {
    const { org, donation, charge } = await paidDonation(6000);
    const pending = await control.refund(charge, { amount: 1000, status: "pending" });
    await control.settleRefund(pending.id, "succeeded");
    const waiting = await control.refund(charge, { amount: 2000, status: "requires_action" });
    await control.cancelRefund(waiting.id);
    await deliverAll(org.account, REFUND_EVENTS);
    const rows = await db.refund.findMany({ where: { donationId: donation.id }, orderBy: { amount: "asc" } });
    expect(rows.map((row) => [row.amount, row.status])).toEqual([
      [1000n, "succeeded"],
      [2000n, "canceled"],
    ]);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "partially_refunded", refundedAmount: 1000n });
    expect(await ledgerNet(donation.id)).toBe(await stripeNet(org.account, [charge, pending.id, waiting.id]));
  });

  it("a pending refund that fails leaves the donation succeeded", async () => {
    const { org, donation, charge } = await paidDonation(3000);
    const refund = await control.refund(charge, { status: "pending" });
    await control.settleRefund(refund.id, "failed");
    await deliverAll(org.account, REFUND_EVENTS);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded", refundedAmount: 0n });
    expect(await ledgerNet(donation.id)).toBe(await stripeNet(org.account, [charge, refund.id]));
  });
});

describe("a payout paid, then failed", () => {
  it("books the payout and its return, whatever payout.updated says in between", async () => {
    const { org } = await paidDonation(2000);
    const payout = await control.payout(org.account, "pending");
    await control.advancePayout(payout.id);
    await control.advancePayout(payout.id);
    await control.failPayout(payout.id);
    await deliverAll(org.account, ["payout.created", "payout.updated", "payout.paid", "payout.failed"]);
    expect(await db.payout.findUniqueOrThrow({ where: { stripePayoutId: payout.id } })).toMatchObject({ status: "failed", failureCode: "account_closed" });
    const entries = await db.ledgerEntry.findMany({ where: { stripeObjectId: payout.id }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.type, entry.amount])).toEqual([
      ["payout_paid", -BigInt(payout.amount)],
      ["payout_failed", BigInt(payout.amount)],
    ]);
  });
});

describe("a dispute inquiry", () => {
  it("moves no money, and a refund during the inquiry is recorded", async () => {
    const { org, donation, charge } = await paidDonation(4000);
    const inquiry = await control.dispute(charge, { inquiry: true });
    const refund = await stripeSdk.refunds.create({ charge }, { stripeAccount: org.account });
    await control.closeDispute(inquiry.id, "warning_closed");
    await deliverAll(org.account, [...REFUND_EVENTS, "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"]);
    expect(await db.dispute.findUniqueOrThrow({ where: { stripeDisputeId: inquiry.id } })).toMatchObject({ status: "warning_closed" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "refunded", refundedAmount: 4000n });
    const types = (await db.ledgerEntry.findMany({ where: { donationId: donation.id }, orderBy: { id: "asc" } })).map((entry) => entry.type);
    expect(types).toEqual(["donation_received", "refund"]);
    expect(await ledgerNet(donation.id)).toBe(await stripeNet(org.account, [charge, refund.id, inquiry.id]));
  });
});
