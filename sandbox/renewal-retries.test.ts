// A renewal that fails is tried again as Stripe does (smart retries, here a fixed schedule of three
// retries 3, 5 and 7 days after the first failure), on the subscription's payment method as it is
// then: a test clock passing the next attempt runs it, and so does the control API (or the console)
// for a subscription without a clock. A retry after the donor changed the method recovers the
// subscription; when every retry fails, the subscription is canceled.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

const JAN_15_2027 = Math.floor(Date.UTC(2027, 0, 15) / 1000);
const FEB_15_2027 = Math.floor(Date.UTC(2027, 1, 15) / 1000);
const DAY = 86_400;

async function monthly(account: string, customer: string) {
  const product = await stripe.products.create({ name: "Monthly donation" }, { stripeAccount: account });
  const subscription = await stripe.subscriptions.create(
    {
      customer,
      items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 1041, recurring: { interval: "month" } } }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription", payment_method_types: ["card"] },
      expand: ["latest_invoice.confirmation_secret"],
    },
    { stripeAccount: account },
  );
  const secret = (subscription.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret as string;
  await stripe.paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: "pm_card_visa" }, { stripeAccount: account });
  return subscription;
}

async function ready(account: string, clock: string) {
  for (let i = 0; i < 200; i++) {
    if ((await stripe.testHelpers.testClocks.retrieve(clock, undefined, { stripeAccount: account })).status === "ready") return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the clock never became ready");
}

async function advanceTo(account: string, clock: string, time: number) {
  await stripe.testHelpers.testClocks.advance(clock, { frozen_time: time }, { stripeAccount: account });
  await ready(account, clock);
}

async function declining(account: string, customer: string, subscription: string) {
  const card = await stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer }, { stripeAccount: account });
  await stripe.subscriptions.update(subscription, { default_payment_method: card.id }, { stripeAccount: account });
}

describe("retries of a failed renewal", () => {
  it("retries on the clock's schedule, and recovers once the donor's new card is the subscription's", async () => {
    const account = await connectedAccount();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_15_2027 }, { stripeAccount: account });
    const customer = (await stripe.customers.create({ test_clock: clock.id }, { stripeAccount: account })).id;
    const subscription = await monthly(account, customer);
    await declining(account, customer, subscription.id);
    await advanceTo(account, clock.id, FEB_15_2027 + DAY);
    const renewal = (await stripe.invoices.list({ subscription: subscription.id, status: "open" }, { stripeAccount: account })).data[0];
    expect(renewal).toMatchObject({ billing_reason: "subscription_cycle", attempt_count: 1, next_payment_attempt: FEB_15_2027 + 3 * DAY });
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("past_due");

    // The first retry fails too, on the same card; the next is scheduled.
    await advanceTo(account, clock.id, FEB_15_2027 + 4 * DAY);
    expect(await stripe.invoices.retrieve(String(renewal?.id), undefined, { stripeAccount: account })).toMatchObject({
      status: "open",
      attempt_count: 2,
      next_payment_attempt: FEB_15_2027 + 5 * DAY,
    });

    const card = await stripe.paymentMethods.attach("pm_card_visa", { customer }, { stripeAccount: account });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: card.id }, { stripeAccount: account });
    await advanceTo(account, clock.id, FEB_15_2027 + 6 * DAY);
    expect(await stripe.invoices.retrieve(String(renewal?.id), undefined, { stripeAccount: account })).toMatchObject({
      status: "paid",
      attempt_count: 3,
      next_payment_attempt: null,
    });
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("active");
    await control.idle();
    const failures = await control.events({ account, type: "invoice.payment_failed" });
    expect(failures.filter((entry) => entry.event.data.object.id === renewal?.id)).toHaveLength(2);
    expect((await control.events({ account, type: "invoice.paid" })).some((entry) => entry.event.data.object.id === renewal?.id)).toBe(true);
  });

  it("cancels the subscription when the last retry fails", async () => {
    const account = await connectedAccount();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_15_2027 }, { stripeAccount: account });
    const customer = (await stripe.customers.create({ test_clock: clock.id }, { stripeAccount: account })).id;
    const subscription = await monthly(account, customer);
    await declining(account, customer, subscription.id);
    await advanceTo(account, clock.id, FEB_15_2027 + 8 * DAY);
    const renewal = (await stripe.invoices.list({ subscription: subscription.id, status: "open" }, { stripeAccount: account })).data[0];
    expect(renewal).toMatchObject({ attempt_count: 4, next_payment_attempt: null });
    expect(await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).toMatchObject({ status: "canceled" });
    await control.idle();
    expect((await control.events({ account, type: "customer.subscription.deleted" })).length).toBe(1);
  });

  it("without a clock, the control API runs the next attempt now; an invoice with none due is refused", async () => {
    const account = await connectedAccount();
    const customer = (await stripe.customers.create({}, { stripeAccount: account })).id;
    const subscription = await monthly(account, customer);
    await control.advance(subscription.id, "failed");
    const renewal = (await stripe.invoices.list({ subscription: subscription.id, status: "open" }, { stripeAccount: account })).data[0];
    expect(renewal?.next_payment_attempt).toEqual(expect.any(Number));
    const card = await stripe.paymentMethods.attach("pm_card_visa", { customer }, { stripeAccount: account });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: card.id }, { stripeAccount: account });
    await control.retryInvoice(String(renewal?.id));
    expect(await stripe.invoices.retrieve(String(renewal?.id), undefined, { stripeAccount: account })).toMatchObject({ status: "paid", attempt_count: 2 });
    expect((await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account })).status).toBe("active");
    await expect(control.retryInvoice(String(renewal?.id))).rejects.toThrow(/no payment attempt/);
  });
});
