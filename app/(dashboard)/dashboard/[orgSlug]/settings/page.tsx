import type { Metadata } from "next";
import { GivePageForm } from "@/components/organisations/give-page-form";
import { OrganisationForm } from "@/components/organisations/organisation-form";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { imageUrl } from "@/lib/images/image-url";
import { COUNTRY_OPTIONS } from "@/lib/organisations/countries";
import { feeRateFormValues } from "@/lib/organisations/fee-rate-fields";
import { updateGivePageAction, updateOrganisationAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("settings")("general.metaTitle") };
}

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/settings`);
  const rates = await db.feeRate.findMany({ where: { organisationId: organisation.id } });
  const feeRates = feeRateFormValues(rates);
  const t = dashboardText("settings");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", ["organisations"])} timeZone={organisation.timeZone}>
      <div className="grid grid-cols-1 gap-6">
        <Card headingLevel={1} title={t("general.title")} description={t("general.description")}>
          <OrganisationForm
            action={updateOrganisationAction}
            countries={COUNTRY_OPTIONS}
            submitLabel={t("general.save")}
            values={{
              organisationId: organisation.id,
              name: organisation.name,
              email: organisation.email,
              logo: organisation.logoImageId ? { id: organisation.logoImageId, url: imageUrl(organisation.logoImageId) } : null,
              country: organisation.country,
              defaultCurrency: organisation.defaultCurrency,
              acceptedCurrencies: organisation.acceptedCurrencies,
              recurringIntervals: organisation.recurringIntervals,
              defaultLocale: organisation.defaultLocale,
              feeRates,
            }}
          />
        </Card>
        <Card title={t("general.givePageTitle")} description={t("general.givePageDescription")}>
          <GivePageForm
            action={updateGivePageAction}
            values={{
              organisationId: organisation.id,
              websiteUrl: organisation.websiteUrl ?? "",
              story: organisation.story ?? "",
              image: organisation.storyImageId ? { id: organisation.storyImageId, url: imageUrl(organisation.storyImageId) } : null,
            }}
          />
        </Card>
      </div>
    </IntlProvider>
  );
}
