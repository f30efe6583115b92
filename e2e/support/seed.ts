// Data for the browser tests, written by `scripts/amply.ts e2e` before the app starts: the demo
// organisation (as on a first run) and "give-test", connected to a ready sandbox account.
import { db } from "@/lib/db/client";
import { DEFAULT_FEE_RATES } from "@/lib/money/fees";
import { seedDemo } from "@/lib/organisations/seed-demo";
import { seedRecurringGifts } from "./seed-recurring";

const account = process.env.E2E_STRIPE_ACCOUNT;
const ukAccount = process.env.E2E_STRIPE_ACCOUNT_GB;
if (!account || !ukAccount) throw new Error("E2E_STRIPE_ACCOUNT and E2E_STRIPE_ACCOUNT_GB are not set: run through scripts/amply.ts e2e.");

const { owner } = await seedDemo(db);
await db.organisation.create({
  data: {
    slug: "give-test",
    name: "Give Test Charity",
    email: "hello@give-test.example",
    country: "DE",
    defaultCurrency: "EUR",
    acceptedCurrencies: ["EUR", "GBP", "USD", "JPY"],
    stripeAccountId: account,
    stripeChargesEnabled: true,
    stripePayoutsEnabled: true,
    stripeDetailsSubmitted: true,
    stripeConnectedAt: new Date(),
    feeRates: {
      create: [
        ...DEFAULT_FEE_RATES.map(({ currency, family, percentBps, fixedMinor, capMinor }) => ({ currency, family, percentBps, fixedMinor, capMinor })),
        { currency: "JPY", percentBps: 360, fixedMinor: 0 },
      ],
    },
    funds: {
      create: [
        { slug: "general", name: "General fund" },
        { slug: "water", name: "Clean water" },
      ],
    },
    campaigns: {
      create: [
        {
          slug: "wells",
          name: "Wells for Wakiso",
          description: "Ten wells by spring.",
          currencies: { create: [{ currency: "EUR", goalAmount: 500_000n, suggestedAmounts: [] }] },
        },
      ],
    },
    memberships: { create: [{ userId: owner.id, role: "owner" }] },
  },
});
// A UK charity (Gift Aid on gifts in pounds).
await db.organisation.create({
  data: {
    slug: "gift-aid-test",
    name: "Gift Aid Test Charity",
    email: "hello@gift-aid-test.example",
    country: "GB",
    timeZone: "Europe/London",
    defaultCurrency: "GBP",
    acceptedCurrencies: ["GBP", "EUR"],
    stripeAccountId: ukAccount,
    stripeAccountCountry: "GB",
    stripeDefaultCurrency: "GBP",
    stripeChargesEnabled: true,
    stripePayoutsEnabled: true,
    stripeDetailsSubmitted: true,
    stripeConnectedAt: new Date(),
    feeRates: {
      create: DEFAULT_FEE_RATES.map(({ currency, family, percentBps, fixedMinor, capMinor }) => ({ currency, family, percentBps, fixedMinor, capMinor })),
    },
    memberships: { create: [{ userId: owner.id, role: "owner" }] },
  },
});
const recurringAccount = process.env.E2E_RECURRING_STRIPE_ACCOUNT;
if (!recurringAccount) throw new Error("E2E_RECURRING_STRIPE_ACCOUNT is not set: run through scripts/amply.ts e2e.");
// Recurring gifts: an organisation whose page offers monthly and yearly giving (monthly preselected).
await db.organisation.create({
  data: {
    slug: "give-monthly",
    name: "Give Monthly Charity",
    email: "hello@give-monthly.example",
    country: "DE",
    defaultCurrency: "EUR",
    acceptedCurrencies: ["EUR"],
    recurringIntervals: ["month", "year"],
    stripeAccountId: recurringAccount,
    stripeChargesEnabled: true,
    stripePayoutsEnabled: true,
    stripeDetailsSubmitted: true,
    stripeConnectedAt: new Date(),
    feeRates: {
      create: DEFAULT_FEE_RATES.map(({ currency, family, percentBps, fixedMinor, capMinor }) => ({ currency, family, percentBps, fixedMinor, capMinor })),
    },
    memberships: { create: [{ userId: owner.id, role: "owner" }] },
  },
});
await seedRecurringGifts(db, account);
// The seed wrote its gifts straight into the database, with no webhooks behind them. A finished
// re-sync as of now keeps the server's daily re-sync (which would read those objects from the
// sandbox again and move them on) from changing the seeded state in the middle of the browser tests.
await db.$executeRaw`
  INSERT INTO "StripeResync" (id, "organisationId", "stripeAccountId", reason, state, "startedAt", "finishedAt")
  SELECT gen_random_uuid()::text, id, "stripeAccountId", 'manual', 'done', NOW(), NOW()
  FROM "Organisation" WHERE "stripeAccountId" IN (${account}, ${ukAccount}, ${recurringAccount})`;
console.log(`Seeded give-test on ${account}, gift-aid-test on ${ukAccount} and give-monthly on ${recurringAccount}.`);
await db.$disconnect();
