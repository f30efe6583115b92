import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { compareBalanceTransaction, compareCharge, compareRefund, FEE_GRACE_MS, ledgerTypeOf, type DonationSide, type LedgerSide } from "./compare";

const NOW = Date.parse("2026-11-15T12:00:00Z");

function charge(fields: Partial<Stripe.Charge> = {}): Stripe.Charge {
  return {
    id: "ch_1",
    amount: 2500,
    amount_refunded: 0,
    currency: "eur",
    status: "succeeded",
    refunded: false,
    disputed: false,
    payment_intent: "pi_1",
    balance_transaction: "txn_1",
    created: Math.floor(NOW / 1000) - 3600,
    ...fields,
  } as Stripe.Charge;
}

const donation = (fields: Partial<DonationSide> = {}): DonationSide => ({
  id: "don_1",
  stripeChargeId: "ch_1",
  stripePaymentIntentId: "pi_1",
  status: "succeeded",
  paymentStatus: "succeeded",
  chargedAmount: 2500n,
  refundedAmount: 0n,
  currency: "EUR",
  disputes: 0,
  ...fields,
});

const kinds = (outcome: { differences: Array<{ kind: string }> }) => outcome.differences.map((d) => d.kind);

describe("a charge against its donation", () => {
  it("agrees when Amply has it paid, for the same amount and currency", () => {
    expect(compareCharge("acct_1", charge(), donation(), NOW)).toEqual({ differences: [], feePending: false });
  });

  it("counts a fee Stripe has not reported as pending inside the grace window, and as a difference after it", () => {
    const fresh = charge({ balance_transaction: null });
    expect(compareCharge("acct_1", fresh, donation(), NOW)).toEqual({ differences: [], feePending: true });
    const old = charge({ balance_transaction: null, created: Math.floor((NOW - FEE_GRACE_MS) / 1000) - 1 });
    const outcome = compareCharge("acct_1", old, donation(), NOW);
    expect(outcome.feePending).toBe(false);
    expect(kinds(outcome)).toEqual(["fee_mismatch"]);
  });

  it("finds a paid charge Amply has no donation for, or has not seen paid", () => {
    expect(kinds(compareCharge("acct_1", charge(), undefined, NOW))).toEqual(["missing_in_amply"]);
    expect(kinds(compareCharge("acct_1", charge({ status: "failed" }), undefined, NOW))).toEqual([]);
    expect(kinds(compareCharge("acct_1", charge(), donation({ paymentStatus: "pending", stripeChargeId: null }), NOW))).toEqual(["status_mismatch"]);
  });

  it("finds a donation paid in Amply whose charge failed, but not an earlier failed attempt of the same payment", () => {
    expect(kinds(compareCharge("acct_1", charge({ status: "failed" }), donation(), NOW))).toEqual(["status_mismatch"]);
    expect(kinds(compareCharge("acct_1", charge({ id: "ch_0", status: "failed" }), donation(), NOW))).toEqual([]);
  });

  it("finds amounts, currencies, refunds and disputes that differ", () => {
    expect(kinds(compareCharge("acct_1", charge(), donation({ chargedAmount: 2400n }), NOW))).toEqual(["amount_mismatch"]);
    expect(kinds(compareCharge("acct_1", charge(), donation({ currency: "GBP" }), NOW))).toEqual(["currency_mismatch"]);
    const refunded = charge({ amount_refunded: 2500, refunded: true });
    expect(kinds(compareCharge("acct_1", refunded, donation(), NOW))).toEqual(["status_mismatch"]);
    expect(kinds(compareCharge("acct_1", refunded, donation({ status: "refunded", refundedAmount: 2500n }), NOW))).toEqual([]);
    expect(kinds(compareCharge("acct_1", charge({ amount_refunded: 500 }), donation(), NOW))).toEqual(["amount_mismatch"]);
    expect(kinds(compareCharge("acct_1", charge({ disputed: true }), donation(), NOW))).toEqual(["status_mismatch"]);
    expect(kinds(compareCharge("acct_1", charge({ disputed: true }), donation({ disputes: 1 }), NOW))).toEqual([]);
  });
});

describe("a refund against Amply's record", () => {
  const refund = (fields: Partial<Stripe.Refund> = {}) =>
    ({ id: "re_1", amount: 500, currency: "eur", status: "succeeded", charge: "ch_1", ...fields }) as Stripe.Refund;
  const recorded = { stripeRefundId: "re_1", donationId: "don_1", amount: 500n, currency: "EUR", status: "succeeded" };
  it("agrees, or finds it missing, another amount or another status", () => {
    expect(compareRefund("acct_1", refund(), recorded)).toEqual([]);
    expect(compareRefund("acct_1", refund(), undefined).map((d) => d.kind)).toEqual(["missing_in_amply"]);
    expect(compareRefund("acct_1", refund({ status: "failed" }), undefined)).toEqual([]);
    expect(compareRefund("acct_1", refund({ amount: 400 }), recorded).map((d) => d.kind)).toEqual(["amount_mismatch"]);
    expect(compareRefund("acct_1", refund({ status: "pending" }), recorded).map((d) => d.kind)).toEqual(["status_mismatch"]);
  });
});

describe("a balance transaction against the ledger", () => {
  const txn = (fields: Partial<Stripe.BalanceTransaction> = {}) =>
    ({ id: "txn_1", type: "charge", source: "ch_1", amount: 2140, fee: 62, net: 2078, currency: "eur", ...fields }) as Stripe.BalanceTransaction;
  const entry = (fields: Partial<LedgerSide> = {}): LedgerSide => ({
    id: 1n,
    type: "donation_received",
    donationId: "don_1",
    stripeObjectId: "ch_1",
    stripeBalanceTransactionId: "txn_1",
    amount: 1800n,
    currency: "GBP",
    settlementAmount: 2140n,
    settlementFee: 62n,
    settlementNet: 2078n,
    settlementCurrency: "EUR",
    ...fields,
  });

  it("compares in the settlement currency: the same money agrees, whatever the donor's currency", () => {
    expect(compareBalanceTransaction("acct_1", txn(), entry())).toEqual([]);
  });

  it("finds a missing entry, another amount, fee or currency", () => {
    expect(compareBalanceTransaction("acct_1", txn(), undefined).map((d) => [d.kind, d.dedupeKey])).toEqual([
      ["missing_in_amply", "missing_in_amply:ch_1:donation_received"],
    ]);
    expect(compareBalanceTransaction("acct_1", txn(), entry({ settlementAmount: 2000n })).map((d) => d.kind)).toEqual(["amount_mismatch"]);
    expect(compareBalanceTransaction("acct_1", txn(), entry({ settlementFee: 60n, settlementNet: 2080n })).map((d) => d.kind)).toEqual(["fee_mismatch"]);
    expect(compareBalanceTransaction("acct_1", txn(), entry({ settlementCurrency: "GBP" })).map((d) => d.kind)).toEqual(["currency_mismatch"]);
  });

  it("knows which money the ledger books: disputes' adjustments yes, other adjustments and fees no", () => {
    expect(ledgerTypeOf(txn({ type: "adjustment", source: "du_1", amount: -2140 }))).toBe("dispute_funds_withdrawn");
    expect(ledgerTypeOf(txn({ type: "adjustment", source: "du_1", amount: 2140 }))).toBe("dispute_funds_reinstated");
    expect(ledgerTypeOf(txn({ type: "adjustment", source: "ch_1" }))).toBeNull();
    expect(ledgerTypeOf(txn({ type: "stripe_fee", source: null }))).toBeNull();
    expect(compareBalanceTransaction("acct_1", txn({ type: "stripe_fee", source: null }), undefined)).toEqual([]);
  });
});
