// The sandbox's API: wire format, accounts, payments, refunds and subscriptions, driven by the real `stripe` Node SDK exactly as Amply drives Stripe: if these pass,
// Amply's requests are the ones real Stripe would accept, and the answers have Stripe's shapes.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { card, connectedAccount, control, idText, sdk, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

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
    // Captures complete a moment after the success (sandbox/captures.test.ts): complete them now.
    await Promise.all([pi, yen].map((intent) => control.capture(idText(intent.latest_charge))));
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
