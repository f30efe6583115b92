import type { Metadata } from "next";
import { OrganisationForm } from "@/components/organisations/organisation-form";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { imageUrl } from "@/lib/images/image-url";
import { COUNTRY_OPTIONS } from "@/lib/organisations/countries";
import { feeRateFormValues } from "@/lib/organisations/fee-rate-fields";
import { updateOrganisationAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/settings`);
  const rates = await db.feeRate.findMany({ where: { organisationId: organisation.id } });
  const feeRates = feeRateFormValues(rates);
  return (
    <Card headingLevel={1} title="Settings" description="Your organisation's details, the currencies donors can give in, and your fee rates.">
      <OrganisationForm
        action={updateOrganisationAction}
        countries={COUNTRY_OPTIONS}
        submitLabel="Save settings"
        values={{
          organisationId: organisation.id,
          name: organisation.name,
          email: organisation.email,
          logo: organisation.logoImageId ? { id: organisation.logoImageId, url: imageUrl(organisation.logoImageId) } : null,
          country: organisation.country,
          defaultCurrency: organisation.defaultCurrency,
          acceptedCurrencies: organisation.acceptedCurrencies,
          recurringIntervals: organisation.recurringIntervals,
          feeRates,
        }}
      />
    </Card>
  );
}
