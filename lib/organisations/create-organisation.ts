import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import type { OrganisationInput } from "./organisation-input";
import type { LogoChange } from "./read-logo-field";
import { setOrganisationLogo } from "./set-organisation-logo";

export class SlugTakenError extends Error {}

/** A new organisation, its fee rates, a general fund, its logo, and its creator as owner. */
export async function createOrganisation(input: OrganisationInput & { slug: string }, ownerId: string, logo: LogoChange = undefined) {
  try {
    return await db.$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: {
          slug: input.slug,
          name: input.name,
          email: input.email,
          country: input.country,
          defaultCurrency: input.defaultCurrency,
          acceptedCurrencies: input.acceptedCurrencies,
          feeRates: { create: input.feeRates.map(({ currency, percentBps, fixedMinor }) => ({ currency, percentBps, fixedMinor })) },
          funds: { create: [{ slug: "general", name: "General fund", description: "Where it is needed most." }] },
          memberships: { create: [{ userId: ownerId, role: "owner" }] },
        },
      });
      if (logo) await setOrganisationLogo(tx, organisation.id, logo);
      return organisation;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new SlugTakenError();
    throw error;
  }
}

/** Change an organisation's details, fee rates (rates for currencies it no longer accepts stay, unused) and logo. */
export async function updateOrganisation(organisationId: string, input: OrganisationInput, logo: LogoChange = undefined) {
  await db.$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: organisationId },
      data: { name: input.name, email: input.email, country: input.country, defaultCurrency: input.defaultCurrency, acceptedCurrencies: input.acceptedCurrencies },
    });
    if (logo !== undefined) await setOrganisationLogo(tx, organisationId, logo);
    for (const rate of input.feeRates) {
      await tx.feeRate.upsert({
        where: { organisationId_currency: { organisationId, currency: rate.currency } },
        create: { organisationId, currency: rate.currency, percentBps: rate.percentBps, fixedMinor: rate.fixedMinor },
        update: { percentBps: rate.percentBps, fixedMinor: rate.fixedMinor },
      });
    }
  });
}
