import { describe, expect, it } from "vitest";
import { giftStatus, pausedUntilOf } from "./gift-status";

describe("a recurring gift's status as Amply shows it", () => {
  it("is paused while pause_collection is set, though Stripe keeps the subscription active", () => {
    const until = pausedUntilOf({ pause_collection: { behavior: "void", resumes_at: 1_800_000_000 } });
    expect(until).toEqual(new Date(1_800_000_000_000));
    expect(giftStatus({ status: "active", pausedUntil: until })).toBe("paused");
    expect(giftStatus({ status: "active", pausedUntil: pausedUntilOf({ pause_collection: null }) })).toBe("active");
  });

  it("reads a gift switching interval (trialing) as active, and unpaid or expired ones as cancelled", () => {
    expect(giftStatus({ status: "trialing", pausedUntil: null })).toBe("active");
    expect(giftStatus({ status: "past_due", pausedUntil: null })).toBe("past_due");
    expect(giftStatus({ status: "unpaid", pausedUntil: null })).toBe("canceled");
    expect(giftStatus({ status: "canceled", pausedUntil: new Date() })).toBe("canceled");
  });
});
