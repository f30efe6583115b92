import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveForm } from "@/components/campaigns/campaign-form";
import { CampaignProgress } from "@/components/donations/campaign-progress";
import { ButtonLink } from "@/components/ui/button";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { campaignTiming, organisationTimeZone } from "@/lib/campaigns/calendar";
import { campaignTotals } from "@/lib/campaigns/campaign-totals";
import { goalProgress } from "@/lib/campaigns/goal-progress";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { archiveCampaignAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("campaigns")("list.metaTitle") };
}

export default async function CampaignsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/campaigns`);
  const campaigns = await db.campaign.findMany({
    where: { organisationId: organisation.id },
    include: { currencies: true, fund: { select: { name: true } } },
    orderBy: [{ active: "desc" }, { createdAt: "desc" }],
  });
  const zone = organisationTimeZone(organisation);
  const now = new Date();
  const rows = await Promise.all(
    campaigns.map(async (campaign) => {
      const totals = await campaignTotals(organisation.id, campaign.id);
      return { campaign, timing: campaignTiming(campaign, now, zone), bars: goalProgress(campaign.currencies, totals.raised), donors: totals.donors };
    }),
  );
  const t = dashboardText("campaigns");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", ["campaigns"])} timeZone={organisation.timeZone}>
      <div className="grid grid-cols-1 gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">{t("list.title")}</h1>
          <ButtonLink href={`/dashboard/${organisation.slug}/campaigns/new`}>{t("list.new")}</ButtonLink>
        </div>
        {rows.length === 0 ? (
          <Card>
            <p className="text-slate-700">{t("list.empty")}</p>
          </Card>
        ) : (
          <ul className="grid grid-cols-1 gap-4">
            {rows.map(({ campaign, timing, bars, donors }) => (
              <li key={campaign.id} data-testid="campaign-row">
                <Card>
                  <div className="grid gap-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h2 className="text-lg font-semibold [overflow-wrap:anywhere]">
                        <Link href={`/dashboard/${organisation.slug}/campaigns/${campaign.id}`} className="text-teal-800 underline">
                          {campaign.name}
                        </Link>
                      </h2>
                      <span className="text-sm text-slate-700">
                        {t(`list.state.${timing.state}`)}
                        {!campaign.active ? t("list.archived") : null}
                        {t("list.donors", { count: donors })}
                        {campaign.fund ? t("list.fund", { fund: campaign.fund.name }) : null}
                      </span>
                    </div>
                    {bars.map((bar) => (
                      <CampaignProgress key={bar.currency} bar={bar} />
                    ))}
                    <div className="flex flex-wrap items-center gap-3">
                      <Link href={`/give/${organisation.slug}?campaign=${campaign.slug}`} className="text-sm font-semibold text-teal-800 underline">
                        {t("list.itsPage")}
                        <span className="sr-only">{t("list.itsPageOf", { campaign: campaign.name })}</span>
                      </Link>
                      <ArchiveForm
                        action={archiveCampaignAction}
                        organisationId={organisation.id}
                        idName="campaignId"
                        id={campaign.id}
                        archived={!campaign.active}
                        label={campaign.name}
                      />
                    </div>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    </IntlProvider>
  );
}
