// Running monthly gifts of 20.00 EUR to give-test for the manage-page tests (one to change, one whose
// renewal the test makes fail): each subscription made on the sandbox account through the SDK (first
// invoice paid by card) and the matching row, as the webhook after a real first payment leaves it.
// Their manage links go to .amply/e2e-recurring.json.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { manageUrl } from "@/lib/recurring/manage-link";
import { stripe } from "@/lib/stripe/client";

export async function seedRecurringGifts(db: Db, account: string) {
  const gifts = {
    main: await seedGift(db, account, "monthly.donor@example.org", "Maya Monthly"),
    pastDue: await seedGift(db, account, "late.donor@example.org", "Luca Late"),
  };
  writeFileSync(path.join(import.meta.dirname, "..", "..", ".amply", "e2e-recurring.json"), JSON.stringify(gifts, null, 2));
}

async function seedGift(db: Db, account: string, email: string, name: string) {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: "give-test" } });
  const customer = await stripe().customers.create({ email, name }, { stripeAccount: account });
  const product = await stripe().products.create({ name: "Donation" }, { stripeAccount: account });
  const created = await stripe().subscriptions.create(
    {
      customer: customer.id,
      items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 2000, recurring: { interval: "month" } } }],
      payment_behavior: "default_incomplete",
      payment_settings: { save_default_payment_method: "on_subscription" },
      expand: ["latest_invoice.confirmation_secret"],
    },
    { stripeAccount: account },
  );
  const secret = String((created.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret);
  await stripe().paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: "pm_card_visa" }, { stripeAccount: account });
  const subscription = await stripe().subscriptions.retrieve(created.id, undefined, { stripeAccount: account });
  const donor = await db.donor.create({ data: { organisationId: organisation.id, email, name } });
  const gift = await db.recurringDonation.create({
    data: {
      organisationId: organisation.id,
      donorId: donor.id,
      amount: 2000n,
      chargedAmount: 2000n,
      currency: "EUR",
      interval: "month",
      status: subscription.status,
      stripeAccountId: account,
      stripeSubscriptionId: subscription.id,
      currentPeriodEnd: new Date(Number(subscription.items.data[0]?.current_period_end) * 1000),
    },
  });
  return { manageUrl: manageUrl(gift.id), giftId: gift.id, subscriptionId: subscription.id, account, email };
}
