// What a donor changes on a running recurring gift, as Stripe applies it: a new amount from the next
// invoice (no proration), a new interval from the end of the current period (a trial until then),
// paused collection (invoices voided, resuming at resumes_at), a new default payment method, and
// SetupIntents for the subscription's customer on the connected account.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { connectedAccount, control, stripe, startSandboxForTests } from "./test-support";

startSandboxForTests();

const JAN_15_2027 = Math.floor(Date.UTC(2027, 0, 15) / 1000);
const FEB_15_2027 = Math.floor(Date.UTC(2027, 1, 15) / 1000);
const MAR_15_2027 = Math.floor(Date.UTC(2027, 2, 15) / 1000);
const APR_15_2027 = Math.floor(Date.UTC(2027, 3, 15) / 1000);
const FEB_15_2028 = Math.floor(Date.UTC(2028, 1, 15) / 1000);
const DAY = 86_400;

/** An active monthly 20.00 EUR subscription on a test clock at 15 January 2027, paid by card. */
async function activeSubscription() {
  const account = await connectedAccount();
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_15_2027 }, { stripeAccount: account });
  const customer = (await stripe.customers.create({ email: "donor@example.com", test_clock: clock.id }, { stripeAccount: account })).id;
  const product = await stripe.products.create({ name: "Donation" }, { stripeAccount: account });
  const created = await stripe.subscriptions.create(
    {
      customer,
      items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 2000, recurring: { interval: "month" } } }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription" },
      expand: ["latest_invoice.confirmation_secret"],
    },
    { stripeAccount: account },
  );
  const secret = (created.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret as string;
  await stripe.paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: "pm_card_visa" }, { stripeAccount: account });
  const subscription = await stripe.subscriptions.retrieve(created.id, undefined, { stripeAccount: account });
  expect(subscription.status).toBe("active");
  return { account, clock: clock.id, customer, product: product.id, subscription };
}

async function advanceTo(account: string, clock: string, time: number) {
  await stripe.testHelpers.testClocks.advance(clock, { frozen_time: time }, { stripeAccount: account });
  for (let i = 0; i < 200; i++) {
    const read = await stripe.testHelpers.testClocks.retrieve(clock, undefined, { stripeAccount: account });
    if (read.status === "ready") return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the test clock never became ready");
}

async function invoices(account: string, subscription: string) {
  const list = await stripe.invoices.list({ subscription }, { stripeAccount: account });
  return list.data.map((invoice) => [invoice.billing_reason, invoice.status, invoice.amount_due]).reverse();
}

describe("changing the amount", () => {
  it("charges the new amount from the next invoice, with no proration", async () => {
    const { account, clock, product, subscription } = await activeSubscription();
    const updated = await stripe.subscriptions.update(
      subscription.id,
      {
        items: [{ id: subscription.items.data[0]?.id, price_data: { currency: "eur", product, unit_amount: 1544, recurring: { interval: "month" } } }],
        proration_behavior: "none",
      },
      { stripeAccount: account },
    );
    expect(updated.items.data[0]?.price).toMatchObject({ unit_amount: 1544, recurring: { interval: "month" } });
    expect(updated.items.data[0]?.current_period_end).toBe(FEB_15_2027);
    expect(await invoices(account, subscription.id)).toEqual([["subscription_create", "paid", 2000]]);
    await advanceTo(account, clock, FEB_15_2027);
    expect(await invoices(account, subscription.id)).toEqual([
      ["subscription_create", "paid", 2000],
      ["subscription_cycle", "paid", 1544],
    ]);
  });

  it("refuses a price change that would prorate (the sandbox does not prorate), and a second item", async () => {
    const { account, product, subscription } = await activeSubscription();
    const priceData = { currency: "eur", product, unit_amount: 1500, recurring: { interval: "month" as const } };
    const item = subscription.items.data[0]?.id;
    await expect(
      stripe.subscriptions.update(subscription.id, { items: [{ id: item, price_data: priceData }] }, { stripeAccount: account }),
    ).rejects.toMatchObject({
      param: "proration_behavior",
    });
    await expect(
      stripe.subscriptions.update(
        subscription.id,
        { items: [{ id: item, price_data: priceData }], proration_behavior: "create_prorations" },
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ param: "proration_behavior" });
    await expect(
      stripe.subscriptions.update(subscription.id, { items: [{ price_data: priceData }], proration_behavior: "none" }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: "items[0][id]" });
  });
});

describe("switching the interval", () => {
  it("with trial_end at the period end: nothing is charged now, the yearly price is charged when the month ends", async () => {
    const { account, clock, product, subscription } = await activeSubscription();
    const updated = await stripe.subscriptions.update(
      subscription.id,
      {
        items: [{ id: subscription.items.data[0]?.id, price_data: { currency: "eur", product, unit_amount: 20000, recurring: { interval: "year" } } }],
        trial_end: FEB_15_2027,
        proration_behavior: "none",
      },
      { stripeAccount: account },
    );
    expect(updated).toMatchObject({ status: "trialing", trial_end: FEB_15_2027 });
    expect(updated.items.data[0]?.current_period_end).toBe(FEB_15_2027);
    expect(await invoices(account, subscription.id)).toEqual([["subscription_create", "paid", 2000]]);
    await advanceTo(account, clock, FEB_15_2027 + DAY);
    expect(await invoices(account, subscription.id)).toEqual([
      ["subscription_create", "paid", 2000],
      ["subscription_cycle", "paid", 20000],
    ]);
    const renewed = await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account });
    expect(renewed.status).toBe("active");
    expect(renewed.items.data[0]?.current_period_end).toBe(FEB_15_2028);
  });

  it("refuses an interval change that would reset the billing cycle at once, and a trial_end in the past", async () => {
    const { account, product, subscription } = await activeSubscription();
    const item = subscription.items.data[0]?.id;
    const yearly = { currency: "eur", product, unit_amount: 20000, recurring: { interval: "year" as const } };
    await expect(
      stripe.subscriptions.update(subscription.id, { items: [{ id: item, price_data: yearly }], proration_behavior: "none" }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: "trial_end" });
    await expect(
      stripe.subscriptions.update(subscription.id, { trial_end: JAN_15_2027 - DAY, proration_behavior: "none" }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: "trial_end" });
  });
});

describe("pausing collection", () => {
  it("voids the invoices of the paused months and charges again after resumes_at", async () => {
    const { account, clock, subscription } = await activeSubscription();
    const paused = await stripe.subscriptions.update(
      subscription.id,
      { pause_collection: { behavior: "void", resumes_at: MAR_15_2027 + DAY } },
      { stripeAccount: account },
    );
    expect(paused).toMatchObject({ status: "active", pause_collection: { behavior: "void", resumes_at: MAR_15_2027 + DAY } });
    await advanceTo(account, clock, MAR_15_2027);
    expect(await invoices(account, subscription.id)).toEqual([
      ["subscription_create", "paid", 2000],
      ["subscription_cycle", "void", 2000],
      ["subscription_cycle", "void", 2000],
    ]);
    await advanceTo(account, clock, APR_15_2027);
    expect(await invoices(account, subscription.id)).toEqual([
      ["subscription_create", "paid", 2000],
      ["subscription_cycle", "void", 2000],
      ["subscription_cycle", "void", 2000],
      ["subscription_cycle", "paid", 2000],
    ]);
    const resumed = await stripe.subscriptions.retrieve(subscription.id, undefined, { stripeAccount: account });
    expect(resumed).toMatchObject({ status: "active", pause_collection: null });
    await control.idle();
    const updates = await control.events({ account, type: "customer.subscription.updated" });
    expect(updates.some((entry) => (entry.event.data as { object: { pause_collection: unknown } }).object.pause_collection === null)).toBe(true);
    expect((await control.events({ account, type: "invoice.voided" })).length).toBe(2);
  });

  it("resumes at once when pause_collection is unset", async () => {
    const { account, clock, subscription } = await activeSubscription();
    await stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: "void", resumes_at: APR_15_2027 } }, { stripeAccount: account });
    const resumed = await stripe.subscriptions.update(subscription.id, { pause_collection: "" }, { stripeAccount: account });
    expect(resumed.pause_collection).toBeNull();
    await advanceTo(account, clock, FEB_15_2027);
    expect(await invoices(account, subscription.id)).toEqual([
      ["subscription_create", "paid", 2000],
      ["subscription_cycle", "paid", 2000],
    ]);
  });

  it("refuses behaviors the sandbox does not implement, a missing behavior and a resumes_at in the past", async () => {
    const { account, subscription } = await activeSubscription();
    await expect(
      stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: "keep_as_draft" } }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: "pause_collection[behavior]" });
    await expect(
      stripe.subscriptions.update(
        subscription.id,
        { pause_collection: { resumes_at: APR_15_2027 } as Stripe.SubscriptionUpdateParams.PauseCollection },
        { stripeAccount: account },
      ),
    ).rejects.toMatchObject({ param: "pause_collection[behavior]" });
    await expect(
      stripe.subscriptions.update(subscription.id, { pause_collection: { behavior: "void", resumes_at: JAN_15_2027 - DAY } }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: "pause_collection[resumes_at]" });
  });
});

describe("a new payment method", () => {
  it("saves a card with a SetupIntent for the subscription's customer and makes it the subscription's default_payment_method", async () => {
    const { account, customer, subscription } = await activeSubscription();
    const setup = await stripe.setupIntents.create({ customer, usage: "off_session", allowed_payment_method_types: ["card"] }, { stripeAccount: account });
    const confirmed = await stripe.setupIntents.confirm(setup.id, { payment_method: "pm_card_mastercard" }, { stripeAccount: account });
    expect(confirmed.status).toBe("succeeded");
    const pm = typeof confirmed.payment_method === "string" ? confirmed.payment_method : String(confirmed.payment_method?.id);
    const updated = await stripe.subscriptions.update(subscription.id, { default_payment_method: pm }, { stripeAccount: account });
    expect(updated.default_payment_method).toBe(pm);
  });

  it("refuses a default payment method of another customer", async () => {
    const { account, subscription } = await activeSubscription();
    const stranger = (await stripe.customers.create({}, { stripeAccount: account })).id;
    const theirs = await stripe.paymentMethods.attach("pm_card_visa", { customer: stranger }, { stripeAccount: account });
    await expect(stripe.subscriptions.update(subscription.id, { default_payment_method: theirs.id }, { stripeAccount: account })).rejects.toMatchObject({
      param: "default_payment_method",
    });
  });
});

describe("cancelling", () => {
  it("ends the subscription at once and keeps the donor's reason in cancellation_details", async () => {
    const { account, subscription } = await activeSubscription();
    const canceled = await stripe.subscriptions.cancel(
      subscription.id,
      { cancellation_details: { comment: "Moving abroad", feedback: "other" } },
      { stripeAccount: account },
    );
    expect(canceled).toMatchObject({
      status: "canceled",
      cancellation_details: { comment: "Moving abroad", feedback: "other", reason: "cancellation_requested" },
    });
    await expect(
      stripe.subscriptions.cancel(subscription.id, { cancellation_details: { feedback: "bored" as "other" } }, { stripeAccount: account }),
    ).rejects.toMatchObject({ param: "cancellation_details[feedback]" });
  });
});
