// The sandbox's API: wire format, accounts, payments, refunds and subscriptions, driven by the real `stripe` Node SDK exactly as Amply drives Stripe: if these pass,
// Amply's requests are the ones real Stripe would accept, and the answers have Stripe's shapes. What can be checked on Stripe's
// test mode too (test PaymentMethods, declines, refunds, idempotency, pagination, bank transfers) is in tests/contract/.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, idText, sandbox, sdk, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

describe("wire format and errors", () => {
  it("refuses a wrong API key with Stripe's authentication error", async () => {
    await expect(sdk("sk_test_sandbox_wrong").customers.create({})).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
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
});

describe("payments, money and refunds", () => {
  it("completes 3-D Secure for pm_card_authenticationRequired when the person authenticates", async () => {
    const account = await connectedAccount();
    const threeDS = await stripe.paymentIntents.create(
      { amount: 2563, currency: "eur", confirm: true, payment_method: "pm_card_authenticationRequired", return_url: "http://localhost/done" },
      { stripeAccount: account },
    );
    expect(threeDS.status).toBe("requires_action");
    expect(threeDS.next_action?.type).toBe("use_stripe_sdk");
    await control.authenticate(threeDS.id, "succeed");
    expect((await stripe.paymentIntents.retrieve(threeDS.id, undefined, { stripeAccount: account })).status).toBe("succeeded");
  });

  it("takes raw card numbers only with the publishable key, as Stripe.js sends them", async () => {
    const account = await connectedAccount();
    const intent = await stripe.paymentIntents.create({ amount: 2563, currency: "eur" }, { stripeAccount: account });
    const browser = sdk(sandbox.keys.publishableKey);
    const card = { type: "card", card: { number: "4000000000009995", exp_month: 12, exp_year: 2034, cvc: "123" } };
    await expect(
      browser.paymentIntents.confirm(
        intent.id,
        { client_secret: intent.client_secret, payment_method_data: card } as unknown as Stripe.PaymentIntentConfirmParams,
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ type: "StripeCardError", decline_code: "insufficient_funds" });
    await expect(stripe.paymentIntents.confirm(intent.id, { payment_method_data: card }, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      message: expect.stringContaining("Sending credit card numbers directly to the Stripe API is generally unsafe") as string,
    });
    // The refusal is not a payment attempt: the PaymentIntent keeps the browser's decline.
    const after = await stripe.paymentIntents.retrieve(intent.id, undefined, { stripeAccount: account });
    expect(after.last_payment_error?.decline_code).toBe("insufficient_funds");
  });

  it("confirms a PaymentIntent only with the type it allows: a card cannot pay a SEPA-only intent, from the server or the browser", async () => {
    const account = await connectedAccount();
    const intent = await stripe.paymentIntents.create(
      { amount: 1035, currency: "eur", allowed_payment_method_types: ["sepa_debit"] },
      { stripeAccount: account },
    );
    expect(intent).toMatchObject({ allowed_payment_method_types: ["sepa_debit"], payment_method_types: ["sepa_debit"], automatic_payment_methods: null });
    await expect(stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" }, { stripeAccount: account })).rejects.toMatchObject({
      statusCode: 400,
      code: "payment_intent_incompatible_payment_method",
      param: "payment_method",
    });
    const browser = sdk(sandbox.keys.publishableKey);
    const card = { type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: 2034, cvc: "123" } };
    await expect(
      browser.paymentIntents.confirm(
        intent.id,
        { client_secret: intent.client_secret, payment_method_data: card } as unknown as Stripe.PaymentIntentConfirmParams,
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ statusCode: 400, code: "payment_intent_incompatible_payment_method" });
    expect(await stripe.paymentIntents.retrieve(intent.id, undefined, { stripeAccount: account })).toMatchObject({
      status: "requires_payment_method",
      latest_charge: null,
      amount_received: 0,
    });
  });

  it("books a charge's fee and net in the settlement currency, converting at its exchange rate", async () => {
    const eurAccount = await connectedAccount({ country: "DE" });
    const pi = await stripe.paymentIntents.create(
      { amount: 2563, currency: "eur", confirm: true, payment_method: "pm_card_visa" },
      { stripeAccount: eurAccount },
    );
    const yen = await stripe.paymentIntents.create(
      { amount: 1000, currency: "jpy", confirm: true, payment_method: "pm_card_visa" },
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
});

describe("updating a PaymentIntent", () => {
  it("takes a new amount, currency and metadata before payment, and refuses a new amount once it is processing or paid", async () => {
    const account = await connectedAccount();
    const on = { stripeAccount: account };
    const intent = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", automatic_payment_methods: { enabled: true } }, on);
    await expect(stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_chargeDeclined" }, on)).rejects.toMatchObject({ code: "card_declined" });
    const updated = await stripe.paymentIntents.update(intent.id, { amount: 3000, currency: "gbp", metadata: { note: "retry" } }, on);
    expect(updated).toMatchObject({ amount: 3000, currency: "gbp", status: "requires_payment_method", metadata: { note: "retry" } });

    const paid = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" }, on);
    expect(paid.status).toBe("succeeded");
    await expect(stripe.paymentIntents.update(intent.id, { amount: 4000 }, on)).rejects.toMatchObject({
      code: "payment_intent_unexpected_state",
      message: expect.stringContaining("amount could not be updated because it has a status of succeeded") as string,
    });
    await expect(stripe.paymentIntents.update(intent.id, { currency: "eur" }, on)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    // Metadata and the description stay editable after payment, as on Stripe.
    expect((await stripe.paymentIntents.update(intent.id, { metadata: { note: "paid" } }, on)).metadata).toMatchObject({ note: "paid" });

    const sepa = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", automatic_payment_methods: { enabled: true } }, on);
    const processing = await stripe.paymentIntents.confirm(
      sepa.id,
      {
        payment_method_data: {
          type: "sepa_debit",
          sepa_debit: { iban: "DE89370400440532013000" },
          billing_details: { name: "Sepa Donor", email: "sepa@example.org" },
        },
        mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "203.0.113.7", user_agent: "test" } } },
      },
      on,
    );
    expect(processing.status).toBe("processing");
    await expect(stripe.paymentIntents.update(sepa.id, { amount: 2600 }, on)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
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
    await stripe.paymentIntents.confirm(piId, { payment_method: "pm_card_visa" }, { stripeAccount: account });
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
