import "server-only";
import { db } from "@/lib/db/client";
import type { OrganisationInput } from "./organisation-input";
import type { LogoChange } from "./read-logo-field";
import { setOrganisationLogo } from "./set-organisation-logo";

/** Change an organisation's details, fee rates (rates for currencies it no longer accepts stay, unused) and logo. */
export async function updateOrganisation(organisationId: string, input: OrganisationInput & { logo?: LogoChange }) {
  await db.$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: organisationId },
      data: {
        name: input.name,
        email: input.email,
        country: input.country,
        defaultCurrency: input.defaultCurrency,
        acceptedCurrencies: input.acceptedCurrencies,
      },
    });
    if (input.logo !== undefined) await setOrganisationLogo(tx, organisationId, input.logo);
    for (const rate of input.feeRates) {
      await tx.feeRate.upsert({
        where: { organisationId_currency: { organisationId, currency: rate.currency } },
        create: { organisationId, currency: rate.currency, percentBps: rate.percentBps, fixedMinor: rate.fixedMinor },
        update: { percentBps: rate.percentBps, fixedMinor: rate.fixedMinor },
      });
    }
  });
}
