// Recurring donations beyond the first payment: paying an open invoice through the API, its InvoicePayments, test clocks
// under Stripe's real test_helpers path, and iDEAL first payments that leave a SEPA Direct Debit for later installments.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, idText, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

const JAN_15_2027 = Math.floor(Date.UTC(2027, 0, 15) / 1000);
const MAR_15_2027 = Math.floor(Date.UTC(2027, 2, 15) / 1000);
const DAY = 86_400;

/** A monthly subscription whose first invoice is confirmed with `method` (a redirect method waits for the bank). */
async function subscribe(account: string, customer: string, method: string | Stripe.PaymentIntentConfirmParams.PaymentMethodData) {
  const product = await stripe.products.create({ name: "Monthly donation" }, { stripeAccount: account });
  const subscription = await stripe.subscriptions.create(
    {
      customer,
      items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 2000, recurring: { interval: "month" } } }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription" },
      expand: ["latest_invoice.confirmation_secret"],
    },
    { stripeAccount: account },
  );
  const secret = (subscription.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret as string;
  const pi = await stripe.paymentIntents.confirm(
    secret.split("_secret_")[0] as string,
    { ...(typeof method === "string" ? { payment_method: method } : { payment_method_data: method }), return_url: "http://localhost/thanks" },
    { stripeAccount: account },
  );
  return { subscription, pi };
}

async function invoicesOf(account: string, subscription: string) {
  return (await stripe.invoices.list({ subscription }, { stripeAccount: account })).data;
}

describe("paying an invoice through the API", () => {
  it("pays an open renewal invoice with the subscription's default payment method, after a declined card; then refuses to pay it again", async () => {
    const account = await connectedAccount();
    const customer = (await stripe.customers.create({ email: "donor@example.com" }, { stripeAccount: account })).id;
    const { subscription } = await subscribe(account, customer, "pm_card_visa");
    await control.advance(subscription.id, "failed");
    const [renewal] = await invoicesOf(account, subscription.id);
    expect(renewal).toMatchObject({ status: "open", billing_reason: "subscription_cycle" });
    const declining = await stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer }, { stripeAccount: account });
    await expect(stripe.invoices.pay(String(renewal?.id), { payment_method: declining.id }, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      statusCode: 402,
    });
    const paid = await stripe.invoices.pay(String(renewal?.id), {}, { stripeAccount: account });
    expect(paid).toMatchObject({ status: "paid", amount_paid: 2000, amount_remaining: 0 });
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("active");
    const payments = await stripe.invoicePayments.list({ invoice: String(renewal?.id) }, { stripeAccount: account });
    expect(payments.data).toMatchObject([
      { object: "invoice_payment", status: "paid", amount_paid: 2000, is_default: true, payment: { type: "payment_intent" } },
    ]);
    await expect(stripe.invoices.pay(String(renewal?.id), {}, { stripeAccount: account })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      message: "Invoice is already paid",
    });
  });

  it("refuses to pay when the customer has no payment method to charge", async () => {
    const account = await connectedAccount();
    const customer = (await stripe.customers.create({}, { stripeAccount: account })).id;
    const product = await stripe.products.create({ name: "Monthly donation" }, { stripeAccount: account });
    const subscription = await stripe.subscriptions.create(
      { customer, items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 2000, recurring: { interval: "month" } } }] },
      { stripeAccount: account },
    );
    await expect(stripe.invoices.pay(idText(subscription.latest_invoice), {}, { stripeAccount: account })).rejects.toMatchObject({
      message: expect.stringContaining("no attached payment source or default payment method") as string,
    });
  });
});

describe("test clocks", () => {
  async function ready(account: string, clock: string) {
    for (let i = 0; i < 100; i++) {
      const read = await stripe.testHelpers.testClocks.retrieve(clock, undefined, { stripeAccount: account });
      if (read.status === "ready") return read;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`test clock ${clock} never became ready`);
  }

  it("renews a subscription once per period as the clock advances, paid off-session with the saved card", async () => {
    const account = await connectedAccount();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_15_2027, name: "renewals" }, { stripeAccount: account });
    const customer = (await stripe.customers.create({ email: "donor@example.com", test_clock: clock.id }, { stripeAccount: account })).id;
    const { subscription } = await subscribe(account, customer, "pm_card_visa");
    expect(subscription.test_clock).toBe(clock.id);
    expect(subscription.items.data[0]?.current_period_start).toBe(JAN_15_2027);
    // At most two intervals of the shortest subscription at once, as on Stripe.
    await expect(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: MAR_15_2027 + 1 }, { stripeAccount: account })).rejects.toMatchObject({
      param: "frozen_time",
    });
    const advancing = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: MAR_15_2027 }, { stripeAccount: account });
    expect(advancing.status).toBe("advancing");
    expect((await ready(account, clock.id)).frozen_time).toBe(MAR_15_2027);
    const invoices = await invoicesOf(account, subscription.id);
    expect(invoices.map((invoice) => [invoice.billing_reason, invoice.status])).toEqual([
      ["subscription_cycle", "paid"],
      ["subscription_cycle", "paid"],
      ["subscription_create", "paid"],
    ]);
    const renewed = await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account });
    expect(renewed.items.data[0]?.current_period_start).toBe(MAR_15_2027);
    await control.idle();
    expect((await control.events({ account, type: "test_helpers.test_clock.ready" })).length).toBe(1);
    await expect(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_15_2027 }, { stripeAccount: account })).rejects.toMatchObject({
      param: "frozen_time",
    });
  });

  it("a renewal the card declines fails the invoice and makes the subscription past_due", async () => {
    const account = await connectedAccount();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_15_2027 }, { stripeAccount: account });
    const customer = (await stripe.customers.create({ test_clock: clock.id }, { stripeAccount: account })).id;
    const { subscription } = await subscribe(account, customer, "pm_card_visa");
    const declining = await stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer }, { stripeAccount: account });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: declining.id }, { stripeAccount: account });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_15_2027 + 32 * DAY }, { stripeAccount: account });
    await ready(account, clock.id);
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("past_due");
    await control.idle();
    expect((await control.events({ account, type: "invoice.payment_failed" })).length).toBe(1);
  });

  it("refuses a test clock of another account", async () => {
    const account = await connectedAccount();
    const other = await connectedAccount();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_15_2027 }, { stripeAccount: other });
    await expect(stripe.customers.create({ test_clock: clock.id }, { stripeAccount: account })).rejects.toMatchObject({ code: "resource_missing" });
  });
});

describe("iDEAL first payments", () => {
  it("set up a SEPA Direct Debit mandate that the next installments debit", async () => {
    const account = await connectedAccount();
    const customer = (await stripe.customers.create({ email: "donor@example.nl" }, { stripeAccount: account })).id;
    const { subscription, pi } = await subscribe(account, customer, { type: "ideal" });
    expect(pi).toMatchObject({ status: "requires_action", next_action: { type: "redirect_to_url" } });
    await control.authenticate(pi.id, "succeed");
    const charge = await stripe.charges.retrieve(
      idText((await stripe.paymentIntents.retrieve(pi.id, undefined, { stripeAccount: account })).latest_charge),
      undefined,
      {
        stripeAccount: account,
      },
    );
    const ideal = charge.payment_method_details?.ideal;
    expect(ideal?.generated_sepa_debit).toMatch(/^pm_/);
    expect(ideal?.generated_sepa_debit_mandate).toMatch(/^mandate_/);
    const active = await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account });
    expect(active).toMatchObject({ status: "active", default_payment_method: ideal?.generated_sepa_debit });
    await control.advance(subscription.id, "paid");
    const [renewal] = await invoicesOf(account, subscription.id);
    const payment = (await stripe.invoices.retrieve(String(renewal?.id), { expand: ["payments"] }, { stripeAccount: account })).payments?.data[0];
    const renewalIntent = await stripe.paymentIntents.retrieve(
      idText(payment?.payment.payment_intent),
      { expand: ["latest_charge"] },
      { stripeAccount: account },
    );
    expect((renewalIntent.latest_charge as Stripe.Charge).payment_method_details?.type).toBe("sepa_debit");
  });
});
