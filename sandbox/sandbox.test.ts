// The sandbox, driven by the real `stripe` Node SDK exactly as Amply drives Stripe: if these pass,
// Amply's requests are the ones real Stripe would accept, and the answers have Stripe's shapes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SandboxControl } from "./client";
import { startSandbox, type RunningSandbox } from "./server";

let sandbox: RunningSandbox;
let control: SandboxControl;
let stripe: Stripe;
let receiver: Server;
let receiverStatus = 200;
const received: Array<{ body: string; signature: string }> = [];

function sdk(key = "sk_test_sandbox_amply") {
  const url = new URL(sandbox.url);
  return new Stripe(key, { host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries: 0 });
}

async function connectedAccount(input: { country?: string; ready?: boolean } = {}) {
  return (await control.createAccount({ country: input.country ?? "DE", business_name: "Test Charity", email: "finance@test.example", ready: input.ready })).id;
}

/** An id field, expanded or not. */
const idText = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? ""));

const card = (number: string) =>
  ({ type: "card" as const, card: { number, exp_month: 12, exp_year: 2034, cvc: "123" } }) as unknown as Stripe.PaymentIntentCreateParams.PaymentMethodData;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["stripe-signature"]) });
      res.writeHead(receiverStatus).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;
  sandbox = await startSandbox({
    webhookUrl: `http://127.0.0.1:${port}/hook`,
    redirectUris: ["http://localhost:3000/api/stripe/connect/callback"],
    retryBaseMs: 20,
    quiet: true,
  });
  control = new SandboxControl(sandbox.url, sandbox.keys.secretKey);
  stripe = sdk();
});

afterAll(async () => {
  await sandbox.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  receiverStatus = 200;
});

describe("wire format and errors", () => {
  it("refuses a wrong API key with Stripe's authentication error", async () => {
    await expect(sdk("sk_test_sandbox_wrong").customers.create({})).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
  });

  it("refuses unknown parameters, naming them", async () => {
    const account = await connectedAccount();
    const params = { amount: 1000, currency: "eur", color: "blue" } as Stripe.PaymentIntentCreateParams;
    await expect(stripe.paymentIntents.create(params, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "parameter_unknown",
      param: "color",
      message: "Received unknown parameter: color",
      statusCode: 400,
    });
  });

  it("refuses payment_method_types at this API version, and allowed types mixed with automatic ones", async () => {
    const account = await connectedAccount();
    const old = { amount: 1000, currency: "eur", payment_method_types: ["card"] } as Stripe.PaymentIntentCreateParams;
    await expect(stripe.paymentIntents.create(old, { stripeAccount: account })).rejects.toMatchObject({ code: "payment_method_types_no_longer_supported" });
    await expect(
      stripe.paymentIntents.create(
        { amount: 1000, currency: "eur", allowed_payment_method_types: ["card"], automatic_payment_methods: { enabled: true } },
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ code: "parameters_exclusive", param: "allowed_payment_method_types" });
  });

  it("refuses a direct charge without Stripe-Account, and amounts Stripe would refuse", async () => {
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: "eur" })).rejects.toMatchObject({ code: "account_invalid" });
    const account = await connectedAccount();
    await expect(stripe.paymentIntents.create({ amount: 49, currency: "eur" }, { stripeAccount: account })).rejects.toMatchObject({
      code: "amount_too_small",
      param: "amount",
    });
    // 60 JPY is above Stripe's 50 JPY minimum but converts to under 0.50 EUR for a euro account.
    await expect(stripe.paymentIntents.create({ amount: 60, currency: "jpy" }, { stripeAccount: account })).rejects.toMatchObject({
      code: "amount_too_small",
      message: expect.stringContaining("converts to approximately 0.37 EUR") as string,
    });
    await expect(stripe.paymentIntents.create({ amount: 100_000_000, currency: "eur" }, { stripeAccount: account })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: "xyz" }, { stripeAccount: account })).rejects.toMatchObject({ param: "currency" });
  });
});

describe("accounts and idempotency", () => {
  it("scopes every object to its account: account B cannot see account A's PaymentIntent", async () => {
    const a = await connectedAccount();
    const b = await connectedAccount();
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "eur" }, { stripeAccount: a });
    expect((await stripe.paymentIntents.retrieve(pi.id, undefined, { stripeAccount: a })).id).toBe(pi.id);
    await expect(stripe.paymentIntents.retrieve(pi.id, undefined, { stripeAccount: b })).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      message: `No such payment_intent: '${pi.id}'`,
    });
  });

  it("replays the first response for a repeated Idempotency-Key and refuses the key with other parameters", async () => {
    const account = await connectedAccount();
    const first = await stripe.paymentIntents.create(
      { amount: 1500, currency: "eur", metadata: { donation_id: "d1" } },
      { stripeAccount: account, idempotencyKey: "donation-d1" },
    );
    const again = await stripe.paymentIntents.create(
      { amount: 1500, currency: "eur", metadata: { donation_id: "d1" } },
      { stripeAccount: account, idempotencyKey: "donation-d1" },
    );
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await expect(
      stripe.paymentIntents.create(
        { amount: 2500, currency: "eur", metadata: { donation_id: "d1" } },
        { stripeAccount: account, idempotencyKey: "donation-d1" },
      ),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError", message: expect.stringContaining("can only be used with the same parameters") as string });
  });

  it("paginates lists with limit, starting_after and has_more", async () => {
    const account = await connectedAccount();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.paymentIntents.create({ amount: 1000 + i, currency: "eur" }, { stripeAccount: account })).id);
    const page1 = await stripe.paymentIntents.list({ limit: 2 }, { stripeAccount: account });
    expect(page1.has_more).toBe(true);
    expect(page1.data.map((pi) => pi.id)).toEqual([ids[4], ids[3]]);
    const page2 = await stripe.paymentIntents.list({ limit: 2, starting_after: ids[3] }, { stripeAccount: account });
    expect(page2.data.map((pi) => pi.id)).toEqual([ids[2], ids[1]]);
    const all = await stripe.paymentIntents.list({ limit: 2 }, { stripeAccount: account }).autoPagingToArray({ limit: 100 });
    expect(all.map((pi) => pi.id)).toEqual([...ids].reverse());
  });
});

describe("payments, money and refunds", () => {
  it("follows the test-card table", async () => {
    const account = await connectedAccount();
    const ok = await stripe.paymentIntents.create(
      { amount: 2563, currency: "eur", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: account },
    );
    expect(ok.status).toBe("succeeded");
    await expect(
      stripe.paymentIntents.create({ amount: 2563, currency: "eur", confirm: true, payment_method_data: card("4000000000000002") }, { stripeAccount: account }),
    ).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
      statusCode: 402,
    });
    await expect(
      stripe.paymentIntents.create({ amount: 2563, currency: "eur", confirm: true, payment_method_data: card("4000000000009995") }, { stripeAccount: account }),
    ).rejects.toMatchObject({ decline_code: "insufficient_funds" });
    const threeDS = await stripe.paymentIntents.create(
      { amount: 2563, currency: "eur", confirm: true, payment_method_data: card("4000002760003184"), return_url: "http://localhost/done" },
      { stripeAccount: account },
    );
    expect(threeDS.status).toBe("requires_action");
    expect(threeDS.next_action?.type).toBe("use_stripe_sdk");
    await control.authenticate(threeDS.id, "succeed");
    expect((await stripe.paymentIntents.retrieve(threeDS.id, undefined, { stripeAccount: account })).status).toBe("succeeded");
  });

  it("books a charge's fee and net in the settlement currency, converting at its exchange rate", async () => {
    const eurAccount = await connectedAccount({ country: "DE" });
    const pi = await stripe.paymentIntents.create(
      { amount: 2563, currency: "eur", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: eurAccount },
    );
    const yen = await stripe.paymentIntents.create(
      { amount: 1000, currency: "jpy", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: eurAccount },
    );
    const charges = await stripe.charges.list({ limit: 10, expand: ["data.balance_transaction"] }, { stripeAccount: eurAccount });
    const byIntent = new Map(charges.data.map((charge) => [charge.payment_intent, charge.balance_transaction as Stripe.BalanceTransaction]));
    expect(byIntent.get(pi.id)).toMatchObject({ amount: 2563, fee: 63, net: 2500, currency: "eur", exchange_rate: null });
    // 1000 JPY at 0.0061 = 6.10 EUR; fee 1.5% + 0.25 = 0.34 (0.0915 rounds to 0.09).
    expect(byIntent.get(yen.id)).toMatchObject({ amount: 610, fee: 34, net: 576, currency: "eur", exchange_rate: 0.0061 });
  });

  it("records partial refunds one by one until the charge is fully refunded", async () => {
    const account = await connectedAccount();
    const pi = await stripe.paymentIntents.create(
      { amount: 5000, currency: "eur", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: account },
    );
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { stripeAccount: account });
    const second = await stripe.refunds.create({ payment_intent: pi.id, amount: 1500 }, { stripeAccount: account });
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 3000 }, { stripeAccount: account })).rejects.toMatchObject({
      code: "amount_too_large",
      param: "amount",
    });
    const rest = await stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: account });
    expect([first.amount, second.amount, rest.amount]).toEqual([1000, 1500, 2500]);
    const charge = await stripe.charges.retrieve(idText(pi.latest_charge), undefined, { stripeAccount: account });
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    const refundTxns = await Promise.all(
      [first, second, rest].map((r) => stripe.balanceTransactions.retrieve(idText(r.balance_transaction), undefined, { stripeAccount: account })),
    );
    expect(refundTxns.map((t) => t.amount)).toEqual([-1000, -1500, -2500]);
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 1 }, { stripeAccount: account })).rejects.toMatchObject({
      code: "charge_already_refunded",
    });
  });

  it("takes bank transfers: instructions in financial_addresses, then funding settles the payment", async () => {
    const account = await connectedAccount();
    const customer = await stripe.customers.create({ email: "donor@example.org", name: "A Donor" }, { stripeAccount: account });
    const pi = await stripe.paymentIntents.create(
      {
        amount: 5000,
        currency: "eur",
        customer: customer.id,
        allowed_payment_method_types: ["customer_balance"],
        payment_method_data: { type: "customer_balance" },
        payment_method_options: {
          customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer", eu_bank_transfer: { country: "DE" } } },
        },
        confirm: true,
      },
      { stripeAccount: account },
    );
    expect(pi.status).toBe("requires_action");
    const instructions = pi.next_action?.display_bank_transfer_instructions;
    expect(instructions?.financial_addresses?.[0]?.iban?.iban).toMatch(/^DE\d{2}/);
    expect(instructions?.reference).toBeTruthy();
    await stripe.testHelpers.customers.fundCashBalance(
      customer.id,
      { amount: 5000, currency: "eur", reference: String(instructions?.reference) },
      { stripeAccount: account },
    );
    expect((await stripe.paymentIntents.retrieve(pi.id, undefined, { stripeAccount: account })).status).toBe("succeeded");
  });
});

describe("subscriptions", () => {
  it("creates with price_data and default_incomplete, then cycles paid and failed, then cancels", async () => {
    const account = await connectedAccount();
    const product = await stripe.products.create({ name: "Monthly donation" }, { stripeAccount: account });
    const customer = await stripe.customers.create({ email: "monthly@example.org" }, { stripeAccount: account });
    const subscription = await stripe.subscriptions.create(
      {
        customer: customer.id,
        items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 1041, recurring: { interval: "month" } } }],
        payment_behavior: "default_incomplete",
        payment_settings: { save_default_payment_method: "on_subscription" },
        metadata: { recurring_donation_id: "r1" },
        expand: ["latest_invoice.confirmation_secret"],
      },
      { stripeAccount: account },
    );
    expect(subscription.status).toBe("incomplete");
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    const secret = invoice.confirmation_secret?.client_secret as string;
    expect(secret).toMatch(/^pi_.+_secret_/);
    const piId = secret.split("_secret_")[0] as string;
    await stripe.paymentIntents.confirm(piId, { payment_method_data: card("4242424242424242") }, { stripeAccount: account });
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("active");
    const paid = await stripe.invoices.retrieve(invoice.id, { expand: ["payments"] }, { stripeAccount: account });
    expect(paid.status).toBe("paid");
    expect(paid.payments?.data[0]?.payment.payment_intent).toBe(piId);

    await control.advance(subscription.id, "paid");
    await control.advance(subscription.id, "failed");
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("past_due");
    const canceled = await stripe.subscriptions.cancel(subscription.id, undefined, { stripeAccount: account });
    expect(canceled.status).toBe("canceled");
    const invoices = await stripe.invoices.list({ subscription: subscription.id }, { stripeAccount: account });
    expect(invoices.data.map((i) => [i.billing_reason, i.status])).toEqual([
      ["subscription_cycle", "open"],
      ["subscription_cycle", "paid"],
      ["subscription_create", "paid"],
    ]);
  });
});

describe("Connect OAuth", () => {
  it("exchanges a code once and deauthorizes", async () => {
    const account = await connectedAccount();
    const code = sandbox.engine.issueOAuthCode(account);
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code });
    expect(token.stripe_user_id).toBe(account);
    await expect(stripe.oauth.token({ grant_type: "authorization_code", code })).rejects.toMatchObject({ type: "StripeInvalidGrantError" });
    await stripe.oauth.deauthorize({ client_id: "ca_sandbox_amply", stripe_user_id: account });
    await expect(stripe.accounts.retrieve(account)).rejects.toMatchObject({ statusCode: 403, code: "account_invalid" });
  });

  it("redirects to the registered redirect_uri with the state, or with access_denied", async () => {
    const authorize = new URL(`${sandbox.url}/oauth/authorize`);
    for (const [k, v] of Object.entries({
      response_type: "code",
      client_id: "ca_sandbox_amply",
      scope: "read_write",
      redirect_uri: "http://localhost:3000/api/stripe/connect/callback",
      state: "s1",
      "stripe_user[business_name]": "Kind Org",
      "stripe_user[email]": "a@b.org",
      "stripe_user[country]": "DE",
    })) {
      authorize.searchParams.set(k, v);
    }
    const pageHtml = await (await fetch(authorize)).text();
    expect(pageHtml).toContain("Kind Org");
    expect(pageHtml).toContain("a@b.org");
    expect(pageHtml).toContain("Stripe sandbox - no real money");
    const decide = (decision: string) =>
      fetch(`${sandbox.url}/oauth/authorize`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({
          decision,
          readiness: "pending",
          state: "s1",
          redirect_uri: "http://localhost:3000/api/stripe/connect/callback",
          business_name: "Kind Org",
          email: "a@b.org",
          country: "DE",
        }),
      });
    const granted = new URL(String((await decide("authorize")).headers.get("location")));
    expect(granted.searchParams.get("state")).toBe("s1");
    const token = await stripe.oauth.token({ grant_type: "authorization_code", code: String(granted.searchParams.get("code")) });
    expect(await stripe.accounts.retrieve(String(token.stripe_user_id))).toMatchObject({
      charges_enabled: false,
      requirements: { currently_due: expect.arrayContaining(["external_account"]) as string[] },
    });
    const denied = new URL(String((await decide("deny")).headers.get("location")));
    expect(denied.searchParams.get("error")).toBe("access_denied");
    const wrong = new URL(authorize);
    wrong.searchParams.set("redirect_uri", "http://evil.example/callback");
    expect((await fetch(wrong)).status).toBe(400);
  });
});

describe("webhooks", () => {
  it("signs events with Stripe's scheme, per endpoint, and retries until delivered", async () => {
    const account = await connectedAccount();
    received.length = 0;
    receiverStatus = 500;
    const pi = await stripe.paymentIntents.create(
      { amount: 1200, currency: "eur", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: account },
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    receiverStatus = 200;
    await control.idle();
    const events = received.map(({ body, signature }) => stripe.webhooks.constructEvent(body, signature, "whsec_sandbox_connect"));
    const succeeded = events.filter((event) => event.type === "payment_intent.succeeded" && event.data.object.id === pi.id);
    expect(succeeded.length).toBeGreaterThanOrEqual(2); // at least one failed attempt, then the delivery
    expect(succeeded[0]?.account).toBe(account);
    expect(new Set(events.map((e) => e.id)).size).toBeLessThan(events.length);
    const platformSigned = received.find(({ body }) => body.includes(pi.id));
    expect(() => stripe.webhooks.constructEvent(platformSigned?.body ?? "", platformSigned?.signature ?? "", "whsec_sandbox_platform")).toThrow(/signature/i);
    const log = await control.events({ type: "payment_intent.succeeded", account });
    expect(log.find((entry) => entry.event.data.object.id === pi.id)?.delivered).toBe(true);
  });

  it("can hold events and release them out of order", async () => {
    const account = await connectedAccount();
    await control.pauseWebhooks();
    received.length = 0;
    const pi = await stripe.paymentIntents.create(
      { amount: 3000, currency: "eur", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: account },
    );
    await control.refund(idText(pi.latest_charge), 1000);
    expect(received).toHaveLength(0);
    await control.releaseWebhooks("reverse");
    await control.idle();
    const types = received.map(({ body }) => (JSON.parse(body) as { type: string }).type);
    expect(types.indexOf("charge.refunded")).toBeLessThan(types.indexOf("payment_intent.succeeded"));
  });

  it("books dispute withdrawals with the dispute fee", async () => {
    const account = await connectedAccount();
    const pi = await stripe.paymentIntents.create(
      { amount: 3000, currency: "eur", confirm: true, payment_method_data: card("4242424242424242") },
      { stripeAccount: account },
    );
    const dispute = await control.dispute(idText(pi.latest_charge));
    expect(dispute.balance_transactions[0]).toMatchObject({ amount: -3000, fee: 2000, net: -5000 });
    await control.closeDispute(dispute.id, "won");
    const types = (await control.events({ account })).map((e) => e.event.type);
    expect(types).toEqual(
      expect.arrayContaining(["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.funds_reinstated", "charge.dispute.closed"]),
    );
  });
});
