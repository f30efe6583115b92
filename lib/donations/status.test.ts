import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advancePayment, canMovePayment, type PaymentStatus } from "./status";

describe("a payment's own status", () => {
  it("moves forward and never back", () => {
    expect(advancePayment("pending", "succeeded")).toBe("succeeded");
    expect(advancePayment("succeeded", "processing")).toBe("succeeded");
    expect(advancePayment("processing", "succeeded")).toBe("succeeded");
    expect(advancePayment("succeeded", "pending")).toBe("succeeded");
  });

  it("fails only from pending or processing, and a retry can still succeed", () => {
    expect(advancePayment("processing", "failed")).toBe("failed");
    expect(advancePayment("succeeded", "failed")).toBe("succeeded");
    expect(advancePayment("failed", "succeeded")).toBe("succeeded");
    expect(advancePayment("failed", "processing")).toBe("processing");
    expect(canMovePayment("failed", "failed")).toBe(false);
  });

  it("ends succeeded whatever order the events come in, once any says so", () => {
    const statuses: PaymentStatus[] = ["pending", "processing", "succeeded", "failed"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 8 }), fc.func(fc.integer()), (events, key) => {
        fc.pre(events.includes("succeeded"));
        const shuffled = [...events].sort((a, b) => key(a) - key(b));
        expect(shuffled.reduce(advancePayment, "pending" as PaymentStatus)).toBe("succeeded");
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
