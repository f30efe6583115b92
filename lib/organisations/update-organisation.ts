import "server-only";
import { db } from "@/lib/db/client";
import type { OrganisationInput } from "./organisation-input";

/** Change an organisation's details and fee rates (rates for currencies it no longer accepts stay, unused). */
export async function updateOrganisation(organisationId: string, input: OrganisationInput) {
  await db.$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: organisationId },
      data: {
        name: input.name,
        email: input.email,
        logoUrl: input.logoUrl,
        country: input.country,
        defaultCurrency: input.defaultCurrency,
        acceptedCurrencies: input.acceptedCurrencies,
      },
    });
    for (const rate of input.feeRates) {
      await tx.feeRate.upsert({
        where: { organisationId_currency: { organisationId, currency: rate.currency } },
        create: { organisationId, currency: rate.currency, percentBps: rate.percentBps, fixedMinor: rate.fixedMinor },
        update: { percentBps: rate.percentBps, fixedMinor: rate.fixedMinor },
      });
    }
  });
}
