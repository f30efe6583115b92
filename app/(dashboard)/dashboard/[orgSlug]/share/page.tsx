import type { Metadata } from "next";
import { EmbedOriginsForm } from "@/components/share/embed-origins-form";
import { EmbedSnippet } from "@/components/share/embed-snippet";
import { ShortLinkPanel } from "@/components/share/short-link-panel";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { updateEmbedOriginsAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("share")("metaTitle") };
}

export default async function SharePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/share`);
  const [funds, campaigns, settings] = await Promise.all([
    db.fund.findMany({ where: { organisationId: organisation.id, active: true }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.campaign.findMany({ where: { organisationId: organisation.id, active: true }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { embedOrigins: true } }),
  ]);
  const base = `/give/${organisation.slug}`;
  const t = dashboardText("share");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", ["share"])} timeZone={organisation.timeZone}>
      <Card headingLevel={1} title={t("title")} description={t("description")}>
        <EmbedOriginsForm action={updateEmbedOriginsAction} organisationId={organisation.id} origins={settings.embedOrigins} />
      </Card>
      <Card title={t("snippetTitle")} description={t("snippetDescription")}>
        <EmbedSnippet appUrl={getEnv().APP_URL} organisationSlug={organisation.slug} funds={funds} />
      </Card>
      <Card title={t("shortLinksTitle")}>
        <ul className="grid gap-6">
          <ShortLinkPanel organisation={organisation} path={base} title={t("donationPage")} />
          {funds.map((fund) => (
            <ShortLinkPanel
              key={fund.slug}
              organisation={organisation}
              path={`${base}?fund=${encodeURIComponent(fund.slug)}`}
              title={t("fundTitle", { name: fund.name })}
            />
          ))}
          {campaigns.map((campaign) => (
            <ShortLinkPanel
              key={campaign.slug}
              organisation={organisation}
              path={`${base}?campaign=${encodeURIComponent(campaign.slug)}`}
              title={t("campaignTitle", { name: campaign.name })}
            />
          ))}
        </ul>
      </Card>
    </IntlProvider>
  );
}
