import type { Metadata } from "next";
import { ReceiptSettingsForm } from "@/components/receipts/receipt-forms";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { timeZones } from "@/lib/organisations/time-zone";
import { updateReceiptSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Receipt details" };

export default async function ReceiptSettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/settings/receipts`);
  return (
    <Card
      headingLevel={1}
      title="Receipt details"
      description="What the receipts your donors file show about your organisation. Each receipt is emailed with a PDF copy."
    >
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
