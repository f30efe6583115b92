// Recurring gifts for tests of what donors and admins do with them: the subscription is made
// directly on the sandbox through the SDK (a customer, the organisation's product, price_data, the
// first invoice paid by card), and the matching RecurringDonation row inserted, as the webhook that
// follows a real first payment would leave it.
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { connectedOrganisation, stripeSdk, unique } from "./fixtures";

export type RecurringSetup = Awaited<ReturnType<typeof recurringGift>>;

export async function recurringGift(
  input: {
    org?: Awaited<ReturnType<typeof connectedOrganisation>>;
    email?: string;
    amount?: number;
    feeCovered?: number;
    interval?: "month" | "year";
    card?: string;
    clock?: number;
  } = {},
) {
  const org = input.org ?? (await connectedOrganisation());
  const account = org.account;
  const email = input.email ?? `${unique("donor")}@example.org`;
  const amount = input.amount ?? 2000;
  const feeCovered = input.feeCovered ?? 0;
  const interval = input.interval ?? "month";
  const clock = input.clock ? await stripeSdk.testHelpers.testClocks.create({ frozen_time: input.clock }, { stripeAccount: account }) : null;
  const customer = await stripeSdk.customers.create({ email, name: "Dana Donor", ...(clock ? { test_clock: clock.id } : {}) }, { stripeAccount: account });
  const product = await stripeSdk.products.create({ name: "Donation" }, { stripeAccount: account });
  const created = await stripeSdk.subscriptions.create(
    {
      customer: customer.id,
      items: [{ price_data: { currency: "eur", product: product.id, unit_amount: amount + feeCovered, recurring: { interval } } }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription" },
      expand: ["latest_invoice.confirmation_secret"],
    },
    { stripeAccount: account },
  );
  const secret = String((created.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret);
  await stripeSdk.paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: input.card ?? "pm_card_visa" }, { stripeAccount: account });
  const subscription = await stripeSdk.subscriptions.retrieve(created.id, undefined, { stripeAccount: account });
  const donor = await db.donor.upsert({
    where: { organisationId_email: { organisationId: org.organisation.id, email } },
    create: { organisationId: org.organisation.id, email, name: "Dana Donor" },
    update: {},
  });
  const gift = await db.recurringDonation.create({
    data: {
      organisationId: org.organisation.id,
      donorId: donor.id,
      amount: BigInt(amount),
      feeCovered: BigInt(feeCovered),
      chargedAmount: BigInt(amount + feeCovered),
      currency: "EUR",
      interval,
      status: subscription.status,
      stripeAccountId: account,
      stripeSubscriptionId: subscription.id,
      currentPeriodEnd: new Date(Number(subscription.items.data[0]?.current_period_end) * 1000),
    },
  });
  return { org, account, donor, gift, customer: customer.id, product: product.id, subscription, clock: clock?.id ?? null };
}

/** The subscription as the sandbox has it now. */
export function subscriptionNow(setup: { account: string; subscription: { id: string } }) {
  return stripeSdk.subscriptions.retrieve(setup.subscription.id, undefined, { stripeAccount: setup.account });
}
