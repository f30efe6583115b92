import { describe, expect, it } from "vitest";
import { donationTimeline } from "./donation-timeline";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute));

describe("a donation's timeline", () => {
  it("tells created, paid, fee known, refunds (asked for and recorded) and a dispute's outcome, in time order", () => {
    const events = donationTimeline({
      createdAt: at(0),
      succeededAt: at(1),
      failedAt: null,
      failureMessage: null,
      ledgerEntries: [
        {
          type: "donation_received",
          amount: 5000n,
          currency: "EUR",
          createdAt: at(2),
          settlementFee: 100n,
          settlementNet: 4900n,
          settlementCurrency: "EUR",
          stripeObjectId: "ch_1",
        },
        {
          type: "dispute_funds_withdrawn",
          amount: -1000n,
          currency: "EUR",
          createdAt: at(6),
          settlementFee: 1500n,
          settlementNet: -2500n,
          settlementCurrency: "EUR",
          stripeObjectId: "dp_1",
        },
      ],
      refunds: [{ stripeRefundId: "re_1", amount: 1000n, currency: "EUR", status: "succeeded", createdAt: at(4), updatedAt: at(4) }],
      refundRequests: [
        { amount: 1000n, currency: "EUR", status: "recorded", stripeRefundId: "re_1", createdAt: at(3) },
        { amount: 500n, currency: "EUR", status: "submitted", stripeRefundId: "re_2", createdAt: at(7) },
      ],
      disputes: [{ stripeDisputeId: "dp_1", amount: 1000n, currency: "EUR", status: "won", reason: "fraudulent", createdAt: at(5), updatedAt: at(8) }],
    });
    expect(events.map((event) => [event.title, event.detail])).toEqual([
      ["Donation started", undefined],
      ["Paid", undefined],
      ["Stripe fee known", "Fee €1.00, net €49.00"],
      ["Refund of €10.00", "succeeded"],
      ["Dispute opened for €10.00", "fraudulent"],
      ["Dispute: funds withdrawn", "€10.00"],
      ["Refund of €5.00 asked for", "pending: waiting for Stripe to confirm it"],
      ["Dispute won: the money stays with you", undefined],
    ]);
  });

  it("has no fee before the balance transaction is known", () => {
    const events = donationTimeline({
      createdAt: at(0),
      succeededAt: null,
      failedAt: at(1),
      failureMessage: "Card declined",
      ledgerEntries: [],
      refunds: [],
      refundRequests: [],
      disputes: [],
    });
    expect(events.map((event) => event.title)).toEqual(["Donation started", "Payment failed"]);
  });
});
