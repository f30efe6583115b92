import { describe, expect, it } from "vitest";
import { orderingKey } from "./ordering-key";

const event = (type: string, object: Record<string, unknown>, account: string | null = "acct_1") =>
  ({ type, account, data: { object } }) as unknown as Parameters<typeof orderingKey>[0];

describe("ordering key", () => {
  it("puts every event of one payment on its PaymentIntent", () => {
    const keys = [
      orderingKey(event("payment_intent.succeeded", { id: "pi_1", object: "payment_intent" })),
      orderingKey(event("charge.succeeded", { id: "ch_1", payment_intent: "pi_1" })),
      orderingKey(event("charge.updated", { id: "ch_1", payment_intent: { id: "pi_1" } })),
      orderingKey(event("charge.refunded", { id: "ch_1", payment_intent: "pi_1" })),
      orderingKey(event("refund.created", { id: "re_1", charge: "ch_1", payment_intent: "pi_1" })),
      orderingKey(event("charge.dispute.created", { id: "dp_1", charge: "ch_1", payment_intent: "pi_1" })),
    ];
    expect(new Set(keys)).toEqual(new Set(["acct_1/pi_1"]));
  });

  it("falls back on the charge, then the object, when there is no PaymentIntent", () => {
    expect(orderingKey(event("refund.updated", { id: "re_2", charge: "ch_2", payment_intent: null }))).toBe("acct_1/ch_2");
    expect(orderingKey(event("charge.succeeded", { id: "ch_3", payment_intent: null }))).toBe("acct_1/ch_3");
  });

  it("keys invoices by their subscription in both API shapes, and accounts and payouts by the account", () => {
    expect(orderingKey(event("invoice.paid", { id: "in_1", parent: { subscription_details: { subscription: "sub_1" } } }))).toBe("acct_1/sub_1");
    expect(orderingKey(event("invoice.paid", { id: "in_1", subscription: "sub_1" }))).toBe("acct_1/sub_1");
    expect(orderingKey(event("customer.subscription.updated", { id: "sub_1" }))).toBe("acct_1/sub_1");
    expect(orderingKey(event("payout.paid", { id: "po_1" }))).toBe("acct_1");
    expect(orderingKey(event("account.updated", { id: "acct_1" }))).toBe("acct_1");
    expect(orderingKey(event("account.updated", { id: "acct_9" }, null))).toBe("platform");
  });

  it("keeps two accounts' objects apart", () => {
    expect(orderingKey(event("payment_intent.succeeded", { id: "pi_1" }, "acct_2"))).not.toBe(orderingKey(event("payment_intent.succeeded", { id: "pi_1" })));
  });
});
