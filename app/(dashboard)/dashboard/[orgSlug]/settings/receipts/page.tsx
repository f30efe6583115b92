import type { Metadata } from "next";
import { ReceiptSettingsForm } from "@/components/receipts/receipt-forms";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { timeZones } from "@/lib/organisations/time-zone";
import { updateReceiptSettingsAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("settings")("receipts.metaTitle") };
}

export default async function ReceiptSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/settings/receipts`);
  const t = dashboardText("settings");
  return (
    <Card headingLevel={1} title={t("receipts.title")} description={t("receipts.description")}>
      <ReceiptSettingsForm
        action={updateReceiptSettingsAction}
        timeZones={timeZones()}
        values={{
          organisationId: organisation.id,
          legalName: organisation.legalName ?? "",
          registrationNumber: organisation.registrationNumber ?? "",
          address: organisation.address ?? "",
          timeZone: organisation.timeZone,
          taxStatement: organisation.taxStatement,
        }}
      />
    </Card>
  );
}
