import "server-only";
import type { Db } from "@/lib/db/client";
import { DEFAULT_FEE_RATES } from "@/lib/money/fees";
import { DEMO } from "./demo";

/**
 * The demo organisation for a first run: idempotent, so every start can call it. It starts
 * without a Stripe account, as a real organisation does; connecting it is the first thing to try.
 */
export async function seedDemo(db: Db) {
  const organisation = await db.organisation.upsert({
    where: { slug: DEMO.slug },
    update: {},
    create: {
      slug: DEMO.slug,
      name: DEMO.name,
      email: DEMO.email,
      country: DEMO.country,
      defaultCurrency: "EUR",
      acceptedCurrencies: ["EUR", "GBP", "USD", "CHF"],
      feeRates: {
        create: DEFAULT_FEE_RATES.map(({ currency, family, percentBps, fixedMinor, capMinor }) => ({ currency, family, percentBps, fixedMinor, capMinor })),
      },
      funds: { create: [{ slug: "general", name: "General fund", description: "Where it is needed most." }] },
    },
  });
  const fund = await db.fund.findUniqueOrThrow({ where: { organisationId_slug: { organisationId: organisation.id, slug: "general" } } });
  await db.campaign.upsert({
    where: { organisationId_slug: { organisationId: organisation.id, slug: "winter-appeal" } },
    update: {},
    create: {
      organisationId: organisation.id,
      fundId: fund.id,
      slug: "winter-appeal",
      name: "Winter appeal",
      description: "Warm meals and shelter through the winter.",
      currencies: { create: [{ currency: "EUR", goalAmount: 1_000_000n, suggestedAmounts: [] }] },
    },
  });
  const owner = await db.user.upsert({ where: { email: DEMO.ownerEmail }, update: {}, create: { email: DEMO.ownerEmail, name: "Demo Owner" } });
  await db.membership.upsert({
    where: { userId_organisationId: { userId: owner.id, organisationId: organisation.id } },
    update: {},
    create: { userId: owner.id, organisationId: organisation.id, role: "owner" },
  });
  return { organisation, owner };
}
