import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveForm, CampaignForm } from "@/components/campaigns/campaign-form";
import { Alert } from "@/components/ui/alert";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { campaignFormValues } from "@/lib/campaigns/campaign-form-values";
import { MAX_STORY_LENGTH } from "@/lib/campaigns/campaign-input";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { imageUrl } from "@/lib/images/image-url";
import { archiveCampaignAction, saveCampaignAction } from "../actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("campaigns")("edit.metaTitle") };
}

type Props = { params: Promise<{ orgSlug: string; campaignId: string }>; searchParams: Promise<{ created?: string }> };

export default async function CampaignPage({ params, searchParams }: Props) {
  const { orgSlug, campaignId } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/campaigns`);
  // Only this organisation's campaigns: another's id is not found here.
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, organisationId: organisation.id }, include: { currencies: true } });
  if (!campaign) notFound();
  const funds = await db.fund.findMany({
    where: { organisationId: organisation.id, OR: [{ active: true }, { id: campaign.fundId ?? "" }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const created = (await searchParams).created === "1";
  const t = dashboardText("campaigns");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", ["campaigns"])} timeZone={organisation.timeZone}>
      <div className="grid grid-cols-1 gap-6">
        <Card headingLevel={1} title={campaign.name} description={campaign.active ? undefined : t("edit.archivedDescription")}>
          <div className="grid gap-4">
            {created ? <Alert tone="success">{t("edit.created")}</Alert> : null}
            <Link href={`/give/${organisation.slug}?campaign=${campaign.slug}`} className="font-semibold text-teal-800 underline">
              {t("edit.openPage")}
            </Link>
            <CampaignForm
              key={campaign.imageId ?? "none"}
              action={saveCampaignAction}
              values={campaignFormValues(organisation, campaign, imageUrl)}
              funds={funds}
              maxStoryLength={MAX_STORY_LENGTH}
              submitLabel={t("edit.submit")}
            />
          </div>
        </Card>
        <Card title={campaign.active ? t("edit.archiveTitle") : t("edit.reopenTitle")} description={campaign.active ? t("edit.archiveDescription") : undefined}>
          <ArchiveForm
            action={archiveCampaignAction}
            organisationId={organisation.id}
            idName="campaignId"
            id={campaign.id}
            archived={!campaign.active}
            label={campaign.name}
          />
        </Card>
      </div>
    </IntlProvider>
  );
}
