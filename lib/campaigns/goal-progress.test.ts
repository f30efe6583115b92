import { describe, expect, it } from "vitest";
import { goalProgress, netOfRefunds } from "./goal-progress";

describe("netOfRefunds", () => {
  it("takes refunds off the gift, never below nothing (a refund of a covered fee is not a negative gift)", () => {
    expect(netOfRefunds({ amount: 2500n, refundedAmount: 0n })).toBe(2500n);
    expect(netOfRefunds({ amount: 2500n, refundedAmount: 1000n })).toBe(1500n);
    // The donor covered €0.63 of fees and the whole €25.63 charge was refunded.
    expect(netOfRefunds({ amount: 2500n, refundedAmount: 2563n })).toBe(0n);
  });
});

describe("goalProgress", () => {
  const goals = [
    { currency: "EUR", goalAmount: 100_000n },
    { currency: "GBP", goalAmount: 50_000n },
    { currency: "USD", goalAmount: null },
  ];

  it("gives one bar per currency with a goal, counting only gifts in that currency", () => {
    const bars = goalProgress(goals, [
      { currency: "EUR", raised: 2_500n },
      { currency: "USD", raised: 999_999n },
      { currency: "CHF", raised: 10_000n },
    ]);
    expect(bars).toEqual([
      { currency: "EUR", goal: 100_000n, raised: 2_500n, percent: 2 },
      { currency: "GBP", goal: 50_000n, raised: 0n, percent: 0 },
    ]);
  });

  it("rounds down, and says past 100% when a goal is exceeded", () => {
    expect(goalProgress([{ currency: "EUR", goalAmount: 300n }], [{ currency: "EUR", raised: 299n }])[0]?.percent).toBe(99);
    expect(goalProgress([{ currency: "EUR", goalAmount: 1_000n }], [{ currency: "EUR", raised: 2_500n }])[0]?.percent).toBe(250);
  });
});
