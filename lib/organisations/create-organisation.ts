import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { OrganisationInput } from "./organisation-input";

/** A new organisation, its fee rates, a general fund, and its creator as owner. */
export async function createOrganisation(input: OrganisationInput & { slug: string }, ownerId: string) {
  try {
    return await db.organisation.create({
      data: {
        slug: input.slug,
        name: input.name,
        email: input.email,
        logoUrl: input.logoUrl,
        country: input.country,
        defaultCurrency: input.defaultCurrency,
        acceptedCurrencies: input.acceptedCurrencies,
        feeRates: { create: input.feeRates.map(({ currency, percentBps, fixedMinor }) => ({ currency, percentBps, fixedMinor })) },
        funds: { create: [{ slug: "general", name: "General fund", description: "Where it is needed most." }] },
        memberships: { create: [{ userId: ownerId, role: "owner" }] },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError("conflict", "That address is taken.", { fields: { slug: ["Another organisation uses this address; choose another."] } });
    throw error;
  }
}
