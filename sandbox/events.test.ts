// Events as Stripe shapes them: the request that caused them, only the attributes that changed, and
// the events Stripe sends for OAuth and cash balance funding. Driven by the real `stripe` SDK.
import { describe, expect, it } from "vitest";
import { connectedAccount, control, sandbox, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

const eventsOf = async (account: string, type: string) => (await control.events({ account, type })).map((record) => record.event as Record<string, unknown>);

describe("events", () => {
  it("carry the id of the API request that caused them, and null for Stripe's own", async () => {
    const account = await connectedAccount();
    const customer = await stripe.customers.create({ email: "donor@example.org" }, { stripeAccount: account });
    const [created] = await eventsOf(account, "customer.created");
    expect(created?.request).toEqual({ id: customer.lastResponse.requestId, idempotency_key: customer.lastResponse.idempotencyKey ?? null });
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    await control.payout(account);
    const [paid] = await eventsOf(account, "payout.paid");
    expect(paid?.request).toEqual({ id: null, idempotency_key: null });
    expect(pi.status).toBe("succeeded");
  });

  it("list in previous_attributes only the fields that changed", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", confirm: true, payment_method: "pm_card_visa" }, on);
    await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, on);
    await stripe.refunds.create({ payment_intent: pi.id }, on);
    const refunded = (await eventsOf(account, "charge.refunded")).map((event) => (event.data as { previous_attributes?: unknown }).previous_attributes);
    // The partial refund leaves `refunded` false: only the amount changed. The last one refunds it all.
    expect(refunded).toEqual([{ amount_refunded: 0 }, { amount_refunded: 1000, refunded: false }]);
  });

  it("announce a connected account with account.application.authorized", async () => {
    const account = await connectedAccount();
    await stripe.oauth.token({ grant_type: "authorization_code", code: sandbox.engine.issueOAuthCode(account) });
    const [authorized] = await eventsOf(account, "account.application.authorized");
    expect(authorized).toMatchObject({ account, data: { object: { object: "application", id: "ca_sandbox_amply" } } });
  });

  it("record funding as a customer_cash_balance_transaction, with its event", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    const customer = await stripe.customers.create({ email: "donor@example.org" }, on);
    const first = await stripe.testHelpers.customers.fundCashBalance(customer.id, { amount: 500, currency: "eur", reference: "REF1" }, on);
    const second = await stripe.testHelpers.customers.fundCashBalance(customer.id, { amount: 700, currency: "eur" }, on);
    expect(first.id).not.toBe(second.id);
    expect(second).toMatchObject({ object: "customer_cash_balance_transaction", type: "funded", net_amount: 700, ending_balance: 1200, customer: customer.id });
    const created = await eventsOf(account, "customer_cash_balance_transaction.created");
    expect(created.map((event) => (event.data as { object: { id: string } }).object.id)).toEqual([first.id, second.id]);
  });

  it("list only the last 30 days, newest first, every page followed with starting_after; older ones still retrieved by id", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    for (const email of ["a@example.org", "b@example.org", "c@example.org"]) await stripe.customers.create({ email }, on);
    const records = sandbox.engine.webhooks.list().filter((record) => record.event.account === account);
    const oldest = records[0];
    if (!oldest) throw new Error("no event recorded");
    // As if the first event were 31 days old.
    oldest.event.created -= 31 * 24 * 3600;
    const listed: string[] = [];
    for (let page = await stripe.events.list({ limit: 1 }, on); ; page = await stripe.events.list({ limit: 1, starting_after: listed.at(-1) }, on)) {
      listed.push(...page.data.map((event) => event.id));
      if (!page.has_more) break;
    }
    expect(listed).toEqual(
      records
        .slice(1)
        .map((record) => record.event.id)
        .reverse(),
    );
    expect((await stripe.events.retrieve(oldest.event.id, {}, on)).id).toBe(oldest.event.id);
  });
});
