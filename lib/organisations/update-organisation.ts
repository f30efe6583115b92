import "server-only";
import { db } from "@/lib/db/client";
import { feeFamiliesFor } from "./fee-rate-fields";
import type { OrganisationInput } from "./organisation-input";
import type { LogoChange } from "./read-logo-field";
import { setOrganisationLogo } from "./set-organisation-logo";

/**
 * Change an organisation's details, fee rates and logo. Rates for currencies it no longer accepts
 * stay, unused; a method family whose fields were emptied has no rate any more.
 */
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
        recurringIntervals: input.recurringIntervals,
        defaultLocale: input.defaultLocale,
      },
    });
    if (input.logo !== undefined) await setOrganisationLogo(tx, organisationId, input.logo);
    for (const rate of input.feeRates) {
      const { currency, family, percentBps, fixedMinor, capMinor } = rate;
      await tx.feeRate.upsert({
        where: { organisationId_currency_family: { organisationId, currency, family } },
        create: { organisationId, currency, family, percentBps, fixedMinor, capMinor },
        update: { percentBps, fixedMinor, capMinor },
      });
    }
    const emptied = input.acceptedCurrencies.flatMap((currency) =>
      feeFamiliesFor(currency)
        .filter((family) => !input.feeRates.some((rate) => rate.currency === currency && rate.family === family))
        .map((family) => ({ currency, family })),
    );
    if (emptied.length) await tx.feeRate.deleteMany({ where: { organisationId, OR: emptied } });
  });
}
