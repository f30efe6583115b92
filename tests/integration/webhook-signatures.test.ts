// The webhook route's clock: a signature is accepted within five minutes either side of now.
// stripe-node bounds only the age, so a timestamp from the future (301 s, or ten years) was
// processed; it is refused now, and nothing is recorded.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deliver, unique } from "../support/fixtures";

const now = () => Math.floor(Date.now() / 1000);

function event() {
  return {
    id: `evt_${unique("clock").replace(/-/g, "")}`,
    object: "event",
    type: "customer.created",
    livemode: false,
    account: "acct_clock",
    data: { object: { id: "cus_clock", object: "customer" } },
  };
}

describe("signature timestamps", () => {
  it.each([
    // A few seconds over the limit: the request itself takes time to arrive.
    ["303 s ahead", 303, 400, "future_timestamp"],
    ["ten years ahead", 10 * 365 * 86_400, 400, "future_timestamp"],
    ["301 s old", -301, 400, "stale_timestamp"],
  ] as const)("refuses a signature %s", async (_label, offset, status, reason) => {
    const sent = event();
    const response = await deliver(sent, { timestamp: now() + offset });
    expect(response).toMatchObject({ status, body: { error: reason } });
    expect(await db.stripeEvent.count({ where: { id: sent.id } })).toBe(0);
  });

  it.each([
    ["290 s ahead", 290],
    ["290 s old", -290],
  ] as const)("accepts a signature %s", async (_label, offset) => {
    expect((await deliver(event(), { timestamp: now() + offset })).status).toBe(200);
  });
});
