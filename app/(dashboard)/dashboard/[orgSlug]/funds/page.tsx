import type { Metadata } from "next";
import { ArchiveForm } from "@/components/campaigns/campaign-form";
import { FundForm } from "@/components/campaigns/fund-form";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { archiveFundAction, saveFundAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("funds")("metaTitle") };
}

export default async function FundsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/funds`);
  const funds = await db.fund.findMany({ where: { organisationId: organisation.id }, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
  const t = dashboardText("funds");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", ["funds", "campaigns"])} timeZone={organisation.timeZone}>
      <div className="grid grid-cols-1 gap-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <Card title={t("newTitle")}>
          <FundForm action={saveFundAction} organisationId={organisation.id} fund={null} submitLabel={t("create")} />
        </Card>
        {funds.map((fund) => (
          <Card key={fund.id} title={fund.active ? fund.name : t("archivedTitle", { name: fund.name })}>
            <div className="grid gap-4" data-testid="fund-row">
              <FundForm action={saveFundAction} organisationId={organisation.id} fund={fund} submitLabel={t("save")} />
              <ArchiveForm action={archiveFundAction} organisationId={organisation.id} idName="fundId" id={fund.id} archived={!fund.active} label={fund.name} />
            </div>
          </Card>
        ))}
      </div>
    </IntlProvider>
  );
}
