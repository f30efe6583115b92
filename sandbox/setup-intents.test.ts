// SetupIntents (a payment method saved for later installments, nothing charged now), confirmed with the real `stripe`
// SDK and with the Stripe.js stand-in's confirmSetup, as a donor's browser would.
import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, idText, sandbox, sdk, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

async function donor(account: string) {
  return (await stripe.customers.create({ email: "donor@example.com", name: "Jenny Rosen" }, { stripeAccount: account })).id;
}

const sepa = {
  type: "sepa_debit",
  sepa_debit: { iban: "DE89370400440532013000" },
  billing_details: { name: "Jenny Rosen", email: "jenny@example.com" },
} as Stripe.SetupIntentCreateParams.PaymentMethodData;

async function typesOf(account: string) {
  await control.idle();
  return (await control.events({ account })).map((record) => record.event.type).filter((type) => type.startsWith("setup_intent."));
}

describe("SetupIntents", () => {
  it("saves a card for later: succeeded, the card attached to the customer, nothing charged", async () => {
    const account = await connectedAccount();
    const customer = await donor(account);
    const created = await stripe.setupIntents.create({ customer, usage: "off_session" }, { stripeAccount: account });
    expect(created).toMatchObject({ status: "requires_payment_method", usage: "off_session", client_secret: expect.stringMatching(/^seti_/) as string });
    const done = await stripe.setupIntents.confirm(created.id, { payment_method: "pm_card_visa" }, { stripeAccount: account });
    expect(done.status).toBe("succeeded");
    const pm = await stripe.paymentMethods.retrieve(idText(done.payment_method), undefined, { stripeAccount: account });
    expect(pm.customer).toBe(customer);
    expect((await stripe.charges.list({}, { stripeAccount: account })).data).toEqual([]);
    expect(await typesOf(account)).toEqual(["setup_intent.created", "setup_intent.succeeded"]);
  });

  it("a declined card fails the setup with Stripe's card error and setup_intent.setup_failed", async () => {
    const account = await connectedAccount();
    const setup = await stripe.setupIntents.create({ customer: await donor(account) }, { stripeAccount: account });
    await expect(stripe.setupIntents.confirm(setup.id, { payment_method: "pm_card_chargeDeclined" }, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      statusCode: 402,
    });
    const read = await stripe.setupIntents.retrieve(setup.id, undefined, { stripeAccount: account });
    expect(read).toMatchObject({ status: "requires_payment_method", last_setup_error: { code: "card_declined" } });
    expect(await typesOf(account)).toEqual(["setup_intent.created", "setup_intent.setup_failed"]);
  });

  it("a 3-D Secure card waits in requires_action until the cardholder authenticates", async () => {
    const account = await connectedAccount();
    const setup = await stripe.setupIntents.create(
      { customer: await donor(account), confirm: true, payment_method: "pm_card_authenticationRequired", return_url: "http://localhost/done" },
      { stripeAccount: account },
    );
    expect(setup).toMatchObject({ status: "requires_action", next_action: { type: "use_stripe_sdk" } });
    await control.authenticateSetup(setup.id, "succeed");
    expect((await stripe.setupIntents.retrieve(setup.id, undefined, { stripeAccount: account })).status).toBe("succeeded");
  });

  it("a SEPA Direct Debit setup gets an active multi-use mandate", async () => {
    const account = await connectedAccount();
    const setup = await stripe.setupIntents.create(
      { customer: await donor(account), confirm: true, payment_method_data: sepa, allowed_payment_method_types: ["sepa_debit"] },
      { stripeAccount: account },
    );
    expect(setup.status).toBe("succeeded");
    const mandate = await stripe.mandates.retrieve(idText(setup.mandate), undefined, { stripeAccount: account });
    expect(mandate).toMatchObject({
      status: "active",
      type: "multi_use",
      payment_method: setup.payment_method,
      payment_method_details: { type: "sepa_debit" },
    });
  });

  it("an iDEAL setup leaves a SEPA Direct Debit behind (generated_sepa_debit) for later installments", async () => {
    const account = await connectedAccount();
    const customer = await donor(account);
    const setup = await stripe.setupIntents.create(
      { customer, confirm: true, payment_method_data: { type: "ideal" }, return_url: "http://localhost/done" },
      { stripeAccount: account },
    );
    expect(setup).toMatchObject({ status: "requires_action", next_action: { type: "redirect_to_url" } });
    await control.authenticateSetup(setup.id, "succeed");
    const done = await stripe.setupIntents.retrieve(setup.id, { expand: ["latest_attempt"] }, { stripeAccount: account });
    const details = (done.latest_attempt as Stripe.SetupAttempt).payment_method_details.ideal;
    expect(details?.generated_sepa_debit).toMatch(/^pm_/);
    const generated = await stripe.paymentMethods.retrieve(idText(details?.generated_sepa_debit), undefined, { stripeAccount: account });
    expect(generated).toMatchObject({ type: "sepa_debit", customer });
    const mandate = await stripe.mandates.retrieve(idText(details?.generated_sepa_debit_mandate), undefined, { stripeAccount: account });
    expect(mandate.payment_method).toBe(generated.id);
  });

  it("refuses payment_method_types at this API version, a wrong client secret, and canceling a finished setup", async () => {
    const account = await connectedAccount();
    const old = { payment_method_types: ["card"] } as Stripe.SetupIntentCreateParams;
    await expect(stripe.setupIntents.create(old, { stripeAccount: account })).rejects.toMatchObject({ param: "payment_method_types" });
    const setup = await stripe.setupIntents.create({ confirm: true, payment_method: "pm_card_visa" }, { stripeAccount: account });
    const browser = sdk(sandbox.keys.publishableKey);
    await expect(browser.setupIntents.retrieve(setup.id, { client_secret: "seti_wrong_secret_x" }, { stripeAccount: account })).rejects.toMatchObject({
      code: "setup_intent_invalid_parameter",
    });
    await expect(stripe.setupIntents.cancel(setup.id, undefined, { stripeAccount: account })).rejects.toMatchObject({ code: "setup_intent_unexpected_state" });
  });
});

describe("the Stripe.js stand-in's confirmSetup", () => {
  /** stripe.js evaluated as a browser would load it from the sandbox, with the page's fetch. */
  function loadStripeJs() {
    const window: Record<string, unknown> = { location: { href: "http://localhost/", origin: "http://localhost", assign: () => undefined } };
    const source = readFileSync(path.join(import.meta.dirname, "stripe-js", "stripe.js"), "utf8");
    runInNewContext(source, {
      window,
      document: { currentScript: { src: `${sandbox.url}/endive/stripe.js` } },
      fetch,
      URL,
      setTimeout,
      Promise,
      Object,
      String,
    });
    return window.Stripe as (key: string, options: { stripeAccount: string }) => Record<string, (...args: unknown[]) => unknown>;
  }

  it("confirms a SetupIntent with the Payment Element's card, with the publishable key and client secret", async () => {
    const account = await connectedAccount();
    const setup = await stripe.setupIntents.create({ customer: await donor(account) }, { stripeAccount: account });
    const browserStripe = loadStripeJs()(sandbox.keys.publishableKey, { stripeAccount: account });
    const elements = browserStripe.elements?.({ mode: "setup", currency: "eur" }) as {
      create: (type: string) => { _paymentMethodData: () => unknown };
      _submitted: boolean;
    };
    const element = elements.create("payment");
    // What the donor typed, and elements.submit() having passed.
    element._paymentMethodData = () => ({ type: "card", card: { number: "4242424242424242", exp_month: 12, exp_year: 2034, cvc: "123" } });
    elements._submitted = true;
    const result = (await browserStripe.confirmSetup?.({ elements, clientSecret: setup.client_secret, redirect: "if_required" })) as {
      setupIntent?: { id: string; status: string };
    };
    expect(result.setupIntent).toMatchObject({ id: setup.id, status: "succeeded" });
    const declined = await stripe.setupIntents.create({}, { stripeAccount: account });
    element._paymentMethodData = () => ({ type: "card", card: { number: "4000000000000002", exp_month: 12, exp_year: 2034, cvc: "123" } });
    const failure = (await browserStripe.confirmSetup?.({ elements, clientSecret: declined.client_secret, redirect: "if_required" })) as {
      error?: { code: string };
    };
    expect(failure.error).toMatchObject({ code: "card_declined" });
  });
});

describe("the bank's page of a redirect method", () => {
  it("refuses to be shown in a frame, as banks do", async () => {
    const account = await connectedAccount();
    const customer = await donor(account);
    const setup = await stripe.setupIntents.create(
      { customer, confirm: true, payment_method_data: { type: "ideal" }, return_url: "http://localhost/done" },
      { stripeAccount: account },
    );
    const bank = await fetch(idText(setup.next_action?.redirect_to_url?.url));
    expect(bank.status).toBe(200);
    expect(bank.headers.get("x-frame-options")).toBe("DENY");
    expect(bank.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  });
});
