import type { Metadata } from "next";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { campaignFormValues } from "@/lib/campaigns/campaign-form-values";
import { MAX_STORY_LENGTH } from "@/lib/campaigns/campaign-input";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { imageUrl } from "@/lib/images/image-url";
import { saveCampaignAction } from "../actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("campaigns")("new.metaTitle") };
}

export default async function NewCampaignPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/campaigns/new`);
  const funds = await db.fund.findMany({
    where: { organisationId: organisation.id, active: true },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const t = dashboardText("campaigns");
  return (
    <Card headingLevel={1} title={t("new.title")} description={t("new.description")}>
      <IntlProvider locale="en" messages={messagesFor("en", ["campaigns"])} timeZone={organisation.timeZone}>
        <CampaignForm
          action={saveCampaignAction}
          values={campaignFormValues(organisation, null, imageUrl)}
          funds={funds}
          maxStoryLength={MAX_STORY_LENGTH}
          submitLabel={t("new.submit")}
        />
      </IntlProvider>
    </Card>
  );
}
