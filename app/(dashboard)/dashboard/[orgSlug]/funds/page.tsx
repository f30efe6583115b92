import type { Metadata } from "next";
import { ArchiveForm } from "@/components/campaigns/campaign-form";
import { FundForm } from "@/components/campaigns/fund-form";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { archiveFundAction, saveFundAction } from "./actions";

export const metadata: Metadata = { title: "Funds" };

export default async function FundsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/funds`);
  const funds = await db.fund.findMany({ where: { organisationId: organisation.id }, orderBy: [{ active: "desc" }, { createdAt: "asc" }] });
  return (
    <div className="grid grid-cols-1 gap-6">
      <h1 className="text-2xl font-bold">Funds</h1>
      <p className="text-slate-700">What gifts go to. Donors on your general page choose among your open funds; a campaign collects for one.</p>
      <Card title="New fund">
        <FundForm action={saveFundAction} organisationId={organisation.id} fund={null} submitLabel="Create fund" />
      </Card>
      {funds.map((fund) => (
        <Card key={fund.id} title={`${fund.name}${fund.active ? "" : " (archived)"}`}>
          <div className="grid gap-4" data-testid="fund-row">
            <FundForm action={saveFundAction} organisationId={organisation.id} fund={fund} submitLabel="Save fund" />
            <ArchiveForm action={archiveFundAction} organisationId={organisation.id} idName="fundId" id={fund.id} archived={!fund.active} label={fund.name} />
          </div>
        </Card>
      ))}
    </div>
  );
}
