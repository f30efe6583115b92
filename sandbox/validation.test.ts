// Stripe's request validation, reproduced: each row is a request real Stripe refuses, sent with the
// real `stripe` SDK, and the error type, code and param Stripe answers with.
import Stripe from "stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { connectedAccount, sandbox, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

let account: string;
let paymentIntent: string;
beforeAll(async () => {
  account = await connectedAccount();
  paymentIntent = (await stripe.paymentIntents.create({ amount: 1000, currency: "eur" }, { stripeAccount: account })).id;
});

/** Parameters the SDK's types would refuse at compile time, sent anyway as a careless caller could. */
const loose = <T>(params: Record<string, unknown>) => params as T;
const on = () => ({ stripeAccount: account });
const pi = (params: Record<string, unknown>) => stripe.paymentIntents.create(loose({ amount: 1000, currency: "eur", ...params }), on());

type Row = [name: string, request: () => Promise<unknown>, expected: { code?: string; param?: string; message?: RegExp }];

const rows: Row[] = [
  // Enum values
  ["setup_future_usage outside its enum", () => pi({ setup_future_usage: "sometimes" }), { param: "setup_future_usage" }],
  ["refund reason outside its enum", () => stripe.refunds.create(loose({ charge: "ch_123", reason: "because" }), on()), { param: "reason" }],
  [
    "cancellation_reason outside its enum",
    () => stripe.paymentIntents.cancel(paymentIntent, loose({ cancellation_reason: "bored" }), on()),
    { param: "cancellation_reason", message: /must be one of duplicate, fraudulent, requested_by_customer, abandoned/ },
  ],
  [
    "recurring interval outside its enum",
    () =>
      stripe.subscriptions.create(
        loose({ customer: "cus_123", items: [{ price_data: { currency: "eur", product: "prod_1", unit_amount: 500, recurring: { interval: "fortnight" } } }] }),
        on(),
      ),
    { param: "items[0][price_data][recurring][interval]" },
  ],
  [
    "payment_behavior outside its enum",
    () => stripe.subscriptions.create(loose({ customer: "cus_123", payment_behavior: "hope_for_the_best" }), on()),
    { param: "payment_behavior" },
  ],
  // Types
  [
    "an object where a string belongs",
    () => stripe.customers.create(loose({ email: { address: "a@b.org" } }), on()),
    { param: "email", message: /Invalid string/ },
  ],
  ["a word where an integer belongs", () => pi({ amount: "ten" }), { code: "parameter_invalid_integer", param: "amount" }],
  ["an empty string for a parameter that cannot be unset", () => pi({ confirm: "" }), { code: "parameter_invalid_empty", param: "confirm" }],
  // Unknown keys, nested too
  [
    "an unknown key inside payment_method_options",
    () => pi({ payment_method_options: { card: { foo: "bar" } } }),
    { code: "parameter_unknown", param: "payment_method_options[card][foo]" },
  ],
  ["an unknown key inside automatic_payment_methods", () => pi({ automatic_payment_methods: { enabled: true, color: "red" } }), { code: "parameter_unknown" }],
  // Metadata limits
  ["metadata over 50 keys", () => pi({ metadata: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])) }), { param: "metadata" }],
  ["a metadata key over 40 characters", () => pi({ metadata: { ["k".repeat(41)]: "v" } }), { param: `metadata[${"k".repeat(41)}]` }],
  ["a metadata value over 500 characters", () => pi({ metadata: { note: "x".repeat(501) } }), { param: "metadata[note]" }],
  // Emails, payment methods, bank transfers
  ["an invalid receipt_email", () => pi({ receipt_email: "not-an-email" }), { code: "email_invalid", param: "receipt_email" }],
  ["an invalid customer email", () => stripe.customers.create({ email: "donor@" }, on()), { code: "email_invalid", param: "email" }],
  ["an unknown payment method type", () => pi({ allowed_payment_method_types: ["bitcoin"] }), { param: "allowed_payment_method_types[0]" }],
  [
    "a payment method that does not take the currency",
    () => pi({ currency: "usd", allowed_payment_method_types: ["ideal"] }),
    { code: "payment_intent_invalid_parameter", param: "allowed_payment_method_types" },
  ],
  [
    "eu_bank_transfer[country]=XX",
    () =>
      pi({
        allowed_payment_method_types: ["customer_balance"],
        payment_method_options: {
          customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer", eu_bank_transfer: { country: "XX" } } },
        },
      }),
    { param: "payment_method_options[customer_balance][bank_transfer][eu_bank_transfer][country]" },
  ],
  // Lists and expand
  ["limit 0", () => stripe.charges.list({ limit: 0 }, on()), { code: "parameter_invalid_integer", param: "limit" }],
  ["limit 101", () => stripe.charges.list({ limit: 101 }, on()), { code: "parameter_invalid_integer", param: "limit" }],
  ["an unknown list filter", () => stripe.charges.list(loose({ colour: "blue" }), on()), { code: "parameter_unknown", param: "colour" }],
  [
    "expand of a field that is not an object id",
    () => stripe.paymentIntents.retrieve(paymentIntent, { expand: ["amount"] }, on()),
    { param: "expand", message: /cannot be expanded \(amount\)/ },
  ],
  [
    "expand deeper than 4 levels",
    () => stripe.charges.list({ expand: ["data.customer.invoice_settings.default_payment_method.customer"] }, on()),
    { param: "expand", message: /more than 4 levels/ },
  ],
  // Accepted by Stripe, not implemented by the sandbox: refused by name, never ignored
  ["capture_method=manual", () => pi({ capture_method: "manual" }), { param: "capture_method", message: /sandbox refuses/ }],
  ["application_fee_amount", () => pi({ application_fee_amount: 100 }), { param: "application_fee_amount", message: /sandbox refuses/ }],
  ["on_behalf_of", () => pi({ on_behalf_of: "acct_123" }), { param: "on_behalf_of", message: /sandbox refuses/ }],
  [
    "an update parameter the sandbox would not apply",
    () => stripe.paymentIntents.update(paymentIntent, { setup_future_usage: "off_session" }, on()),
    { param: "setup_future_usage", message: /sandbox refuses/ },
  ],
  [
    "shipping, which the sandbox does not keep",
    () => pi({ shipping: { name: "A Donor", address: { line1: "1 Road" } } }),
    { param: "shipping", message: /sandbox refuses/ },
  ],
];

describe("requests Stripe refuses", () => {
  it.each(rows)("refuses %s", async (_name, request, expected) => {
    await expect(request()).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      ...(expected.code ? { code: expected.code } : {}),
      ...(expected.param ? { param: expected.param } : {}),
      ...(expected.message ? { message: expect.stringMatching(expected.message) as string } : {}),
    });
  });

  it("refuses an Idempotency-Key over 255 characters, and accepts one of 255", async () => {
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: "eur" }, { ...on(), idempotencyKey: "k".repeat(256) })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      message: expect.stringContaining("Idempotency-Key") as string,
    });
    await expect(stripe.paymentIntents.create({ amount: 1000, currency: "eur" }, { ...on(), idempotencyKey: "k".repeat(255) })).resolves.toMatchObject({
      object: "payment_intent",
    });
  });

  it("refuses an unknown Stripe-Version, and answers at the pinned one", async () => {
    const url = new URL(sandbox.url);
    const other = new Stripe(sandbox.keys.secretKey, {
      host: url.hostname,
      port: Number(url.port),
      protocol: "http",
      maxNetworkRetries: 0,
      apiVersion: "2099-01-01.zinnia" as Stripe.LatestApiVersion,
    });
    await expect(other.customers.create({}, on())).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      message: "Invalid Stripe API version: 2099-01-01.zinnia",
    });
    await expect(stripe.customers.create({ email: "donor@example.org", metadata: { note: "x".repeat(500) } }, on())).resolves.toMatchObject({
      object: "customer",
    });
  });

  it("accepts what Amply sends: bank transfer with a Stripe country, card options, metadata at the limits", async () => {
    const customer = await stripe.customers.create({ email: "donor@example.org" }, on());
    await expect(
      stripe.paymentIntents.create(
        {
          amount: 5000,
          currency: "eur",
          customer: customer.id,
          allowed_payment_method_types: ["customer_balance"],
          payment_method_data: { type: "customer_balance" },
          payment_method_options: {
            customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "eu_bank_transfer", eu_bank_transfer: { country: "FR" } } },
          },
          confirm: true,
          metadata: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`.padEnd(40, "k"), "v".repeat(500)])),
        },
        on(),
      ),
    ).resolves.toMatchObject({ status: "requires_action" });
  });
});
