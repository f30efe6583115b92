import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import type { OrganisationInput } from "./organisation-input";
import type { LogoChange } from "./read-logo-field";
import { setOrganisationLogo } from "./set-organisation-logo";
import { defaultTimeZone } from "./time-zone";

/** A new organisation, its fee rates, a general fund, its logo, and its creator as owner. */
export async function createOrganisation(input: OrganisationInput & { slug: string; logo?: LogoChange }, ownerId: string) {
  try {
    return await db.$transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: {
          slug: input.slug,
          name: input.name,
          email: input.email,
          country: input.country,
          // Its country's zone where the country has only one; the admin can change it in Settings > Receipts.
          timeZone: defaultTimeZone(input.country),
          defaultCurrency: input.defaultCurrency,
          acceptedCurrencies: input.acceptedCurrencies,
          recurringIntervals: input.recurringIntervals,
          defaultLocale: input.defaultLocale,
          feeRates: {
            create: input.feeRates.map(({ currency, family, percentBps, fixedMinor, capMinor }) => ({ currency, family, percentBps, fixedMinor, capMinor })),
          },
          funds: { create: [{ slug: "general", name: "General fund", description: "Where it is needed most." }] },
          memberships: { create: [{ userId: ownerId, role: "owner" }] },
        },
      });
      if (input.logo) await setOrganisationLogo(tx, organisation.id, input.logo);
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const t = dashboardText("organisations");
      throw new ApiError("conflict", t("validation.slugTaken"), { fields: { slug: [t("validation.slugTakenField")] } });
    }
    throw error;
  }
}
