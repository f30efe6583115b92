import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DonationStatus } from "@/lib/db/generated/enums.ts";
import { advance, canMove } from "./status";

describe("donation status", () => {
  it("moves forward and never back", () => {
    expect(advance("pending", "succeeded")).toBe("succeeded");
    expect(advance("succeeded", "processing")).toBe("succeeded");
    expect(advance("refunded", "succeeded")).toBe("refunded");
    expect(advance("partially_refunded", "refunded")).toBe("refunded");
    expect(advance("refunded", "partially_refunded")).toBe("refunded");
    expect(advance("succeeded", "disputed")).toBe("disputed");
  });

  it("fails only from pending or processing, and a retry can still succeed", () => {
    expect(advance("processing", "failed")).toBe("failed");
    expect(advance("succeeded", "failed")).toBe("succeeded");
    expect(advance("refunded", "failed")).toBe("refunded");
    expect(advance("failed", "succeeded")).toBe("succeeded");
    expect(advance("failed", "processing")).toBe("processing");
    expect(canMove("disputed", "partially_refunded")).toBe(false);
  });

  it("ends at the furthest status whatever order the events come in", () => {
    const order: DonationStatus[] = ["pending", "processing", "succeeded", "disputed", "refunded"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...order), { minLength: 1, maxLength: 8 }), fc.func(fc.integer()), (events, key) => {
        const shuffled = [...events].sort((a, b) => key(a) - key(b));
        const furthest = order[Math.max(...events.map((e) => order.indexOf(e)))];
        expect(shuffled.reduce(advance, "pending" as DonationStatus)).toBe(furthest);
        expect(events.reduce(advance, "pending" as DonationStatus)).toBe(furthest);
      }),
    );
  });
});
