import type { Metadata } from "next";
import { EmbedOriginsForm } from "@/components/share/embed-origins-form";
import { EmbedSnippet } from "@/components/share/embed-snippet";
import { ShortLinkPanel } from "@/components/share/short-link-panel";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { updateEmbedOriginsAction } from "./actions";

export const metadata: Metadata = { title: "Share & embed" };

export default async function SharePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/share`);
  const [funds, campaigns, settings] = await Promise.all([
    db.fund.findMany({ where: { organisationId: organisation.id, active: true }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.campaign.findMany({ where: { organisationId: organisation.id, active: true }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { embedOrigins: true } }),
  ]);
  const base = `/give/${organisation.slug}`;
  return (
    <>
      <Card headingLevel={1} title="Share & embed" description="Put your donation form on your own site, or share a short link and QR code on posters.">
        <EmbedOriginsForm action={updateEmbedOriginsAction} organisationId={organisation.id} origins={settings.embedOrigins} />
      </Card>
      <Card title="Snippet for your site" description="Paste it where the form should appear, on one of the sites listed above.">
        <EmbedSnippet appUrl={getEnv().APP_URL} organisationSlug={organisation.slug} funds={funds} />
      </Card>
      <Card title="Short links and QR codes">
        <ul className="grid gap-6">
          <ShortLinkPanel organisation={organisation} path={base} title={`Your donation page`} />
          {funds.map((fund) => (
            <ShortLinkPanel key={fund.slug} organisation={organisation} path={`${base}?fund=${encodeURIComponent(fund.slug)}`} title={`Fund: ${fund.name}`} />
          ))}
          {campaigns.map((campaign) => (
            <ShortLinkPanel
              key={campaign.slug}
              organisation={organisation}
              path={`${base}?campaign=${encodeURIComponent(campaign.slug)}`}
              title={`Campaign: ${campaign.name}`}
            />
          ))}
        </ul>
      </Card>
    </>
  );
}
