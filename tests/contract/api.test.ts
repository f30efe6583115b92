// Stripe's API rules that Amply relies on (parameter errors, idempotency, pagination), checked
// against the sandbox and (with test keys) against Stripe's test mode: see harness.ts.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { uniqueKey, startContractTarget } from "./harness";

const target = startContractTarget();
const on = (extra: Stripe.RequestOptions = {}) => ({ stripeAccount: target.account, ...extra });

describe("errors for bad parameters", () => {
  it("refuses unknown parameters, naming them", async () => {
    const params = { amount: 1000, currency: "eur", color: "blue" } as Stripe.PaymentIntentCreateParams;
    await expect(target.stripe.paymentIntents.create(params, on())).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "parameter_unknown",
      param: "color",
      message: "Received unknown parameter: color",
      statusCode: 400,
    });
  });

  it("refuses a missing amount, an amount under the minimum and an unknown currency", async () => {
    await expect(target.stripe.paymentIntents.create({ currency: "eur" } as Stripe.PaymentIntentCreateParams, on())).rejects.toMatchObject({
      code: "parameter_missing",
      param: "amount",
    });
    await expect(target.stripe.paymentIntents.create({ amount: 49, currency: "eur" }, on())).rejects.toMatchObject({
      code: "amount_too_small",
      param: "amount",
    });
    await expect(target.stripe.paymentIntents.create({ amount: 1000, currency: "xyz" }, on())).rejects.toMatchObject({ param: "currency", statusCode: 400 });
  });

  it("answers 404 resource_missing for an object that does not exist", async () => {
    await expect(target.stripe.paymentIntents.retrieve("pi_doesnotexist000000000000", undefined, on())).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: "No such payment_intent: 'pi_doesnotexist000000000000'",
    });
  });
});

describe("idempotency", () => {
  it("replays the first response for a repeated Idempotency-Key and refuses the key with other parameters", async () => {
    const key = uniqueKey("replay");
    const first = await target.stripe.paymentIntents.create({ amount: 1500, currency: "eur", metadata: { donation_id: "d1" } }, on({ idempotencyKey: key }));
    const again = await target.stripe.paymentIntents.create({ amount: 1500, currency: "eur", metadata: { donation_id: "d1" } }, on({ idempotencyKey: key }));
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await expect(
      target.stripe.paymentIntents.create({ amount: 2500, currency: "eur", metadata: { donation_id: "d1" } }, on({ idempotencyKey: key })),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError", message: expect.stringContaining("can only be used with the same parameters") as string });
  });

  it("answers 409 idempotency_key_in_use to a request whose key is still executing", async () => {
    const key = uniqueKey("concurrent");
    const body = new URLSearchParams({ amount: "1700", currency: "eur", "metadata[donation_id]": "d2" });
    const send = () =>
      fetch(`${target.apiBase}/v1/payment_intents`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${target.secretKey}`,
          "Content-Type": "application/x-www-form-urlencoded",
          "Stripe-Account": target.account,
          "Idempotency-Key": key,
        },
        body,
      }).then(async (response) => ({ status: response.status, json: (await response.json()) as { id?: string; error?: { type: string; code: string } } }));
    const answers = await Promise.all([send(), send(), send(), send()]);
    const created = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status !== 200);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1);
    for (const answer of busy) {
      expect(answer.status).toBe(409);
      expect(answer.json.error).toMatchObject({ type: "idempotency_error", code: "idempotency_key_in_use" });
    }
    // Once the first request has finished, the same key replays its object.
    const later = await send();
    expect(later).toMatchObject({ status: 200, json: { id: created[0]?.json.id } });
  });

  it("converges on one object when the SDK retries the 409s", async () => {
    const key = uniqueKey("retried");
    const retrying = target.client({ maxNetworkRetries: 3 });
    const create = () => retrying.paymentIntents.create({ amount: 1800, currency: "eur", metadata: { donation_id: "d3" } }, on({ idempotencyKey: key }));
    const intents = await Promise.all([create(), create(), create()]);
    expect(new Set(intents.map((pi) => pi.id)).size).toBe(1);
  });
});

describe("lists", () => {
  it("paginates with limit, starting_after and has_more, newest first", async () => {
    const customer = await target.stripe.customers.create({ email: "pages@example.org" }, on());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await target.stripe.paymentIntents.create({ amount: 1000 + i, currency: "eur", customer: customer.id }, on())).id);
    const page1 = await target.stripe.paymentIntents.list({ limit: 2, customer: customer.id }, on());
    expect(page1.has_more).toBe(true);
    expect(page1.data.map((pi) => pi.id)).toEqual([ids[4], ids[3]]);
    const page2 = await target.stripe.paymentIntents.list({ limit: 2, customer: customer.id, starting_after: ids[3] }, on());
    expect(page2.data.map((pi) => pi.id)).toEqual([ids[2], ids[1]]);
    const all = await target.stripe.paymentIntents.list({ limit: 2, customer: customer.id }, on()).autoPagingToArray({ limit: 100 });
    expect(all.map((pi) => pi.id)).toEqual([...ids].reverse());
  });
});
