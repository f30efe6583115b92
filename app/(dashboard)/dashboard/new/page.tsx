import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { OrganisationForm } from "@/components/organisations/organisation-form";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { DEFAULT_FEE_RATES } from "@/lib/money/fees";
import { COUNTRY_OPTIONS } from "@/lib/organisations/countries";
import { feeRateFormValues } from "@/lib/organisations/fee-rate-fields";
import { createOrganisationAction } from "./actions";

export const metadata: Metadata = { title: "New organisation" };

export default async function NewOrganisationPage() {
  const user = await requireSignedIn("/dashboard/new");
  const feeRates = feeRateFormValues(DEFAULT_FEE_RATES);
  return (
    <Card headingLevel={1} title="Create an organisation" description="You will be its owner. Next, you connect its Stripe account.">
      <OrganisationForm
        action={createOrganisationAction}
        countries={COUNTRY_OPTIONS}
        submitLabel="Create organisation"
        withSlug
        values={{
          name: "",
          slug: "",
          email: user.email,
          country: "DE",
          defaultCurrency: "EUR",
          acceptedCurrencies: ["EUR"],
          recurringIntervals: ["month", "year"],
          feeRates,
        }}
      />
    </Card>
  );
}
