import type { Metadata } from "next";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { OrganisationForm } from "@/components/organisations/organisation-form";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { DEFAULT_FEE_RATES } from "@/lib/money/fees";
import { COUNTRY_OPTIONS } from "@/lib/organisations/countries";
import { feeRateFormValues } from "@/lib/organisations/fee-rate-fields";
import { createOrganisationAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("settings")("newOrganisation.metaTitle") };
}

export default async function NewOrganisationPage() {
  const user = await requireSignedIn("/dashboard/new");
  const feeRates = feeRateFormValues(DEFAULT_FEE_RATES);
  const t = dashboardText("settings");
  return (
    <Card headingLevel={1} title={t("newOrganisation.title")} description={t("newOrganisation.description")}>
      {/* The form formats no dates; UTC only satisfies the provider until the organisation has a zone. */}
      <IntlProvider locale="en" messages={messagesFor("en", ["organisations"])} timeZone="UTC">
        <OrganisationForm
          action={createOrganisationAction}
          countries={COUNTRY_OPTIONS}
          submitLabel={t("newOrganisation.submit")}
          withSlug
          values={{
            name: "",
            slug: "",
            email: user.email,
            country: "DE",
            defaultCurrency: "EUR",
            acceptedCurrencies: ["EUR"],
            recurringIntervals: ["month", "year"],
            defaultLocale: DEFAULT_LOCALE,
            feeRates,
          }}
        />
      </IntlProvider>
    </Card>
  );
}
