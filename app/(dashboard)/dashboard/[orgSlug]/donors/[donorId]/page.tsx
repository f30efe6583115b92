import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/donations/status-badge";
import { EmailStatementForm } from "@/components/statements/statement-forms";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import { calendarDate, formatDate } from "@/lib/organisations/time-zone";
import { emailStatementAction } from "./actions";

export const metadata: Metadata = { title: dashboardText("donors")("metaTitle") };

export default async function DonorPage({ params }: { params: Promise<{ orgSlug: string; donorId: string }> }) {
  const { orgSlug, donorId } = await params;
  const { organisation, role } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/donors/${donorId}`);
  const donor = await db.donor.findFirst({
    where: { id: donorId, organisationId: organisation.id },
    include: { donations: { where: { succeededAt: { not: null } }, orderBy: { succeededAt: "desc" }, take: 200 } },
  });
  if (!donor) notFound();
  const canManage = hasRole(role, "admin");
  const t = dashboardText("donors");
  const name = donor.name ?? donor.donations.find((donation) => donation.donorName)?.donorName ?? donor.email;
  // The years this donor gave in, by the organisation's calendar (docs/statements.md#what-a-statement-counts).
  const years = [
    ...new Set(donor.donations.flatMap((donation) => (donation.succeededAt ? [calendarDate(donation.succeededAt, organisation.timeZone).year] : []))),
  ].sort((a, b) => b - a);
  return (
    <div className="grid grid-cols-1 gap-6">
      <Link href={`/dashboard/${organisation.slug}/donations`} className="font-semibold text-teal-800 underline">
        {t("allDonations")}
      </Link>
      <Card headingLevel={1} title={name} description={donor.email}>
        {canManage ? (
          years.length ? (
            <ul className="grid gap-4">
              {years.map((year) => (
                <li key={year} className="grid gap-2 sm:flex sm:items-start sm:gap-4">
                  <a
                    href={`/api/organisations/${organisation.id}/donors/${donor.id}/statement?year=${year}`}
                    className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
                    download
                  >
                    {t("download", { year: String(year) })}
                  </a>
                  <EmailStatementForm action={emailStatementAction} organisationId={organisation.id} donorId={donor.id} year={year} to={donor.email} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">{t("noStatement")}</p>
          )
        ) : (
          <p className="text-sm text-slate-700">{t("adminsOnly")}</p>
        )}
      </Card>
      <Table
        caption={t("caption", { name })}
        columns={[
          {
            header: t("columns.date"),
            cell: (donation) => (donation.succeededAt ? formatDate(donation.succeededAt, organisation.timeZone) : "-"),
            className: "whitespace-nowrap",
          },
          {
            header: t("columns.amount"),
            align: "right",
            cell: (donation) => (
              <Link href={`/dashboard/${organisation.slug}/donations/${donation.id}`} className="text-teal-800 underline">
                {formatMoney(donation.chargedAmount, donation.currency)}
              </Link>
            ),
          },
          { header: t("columns.status"), cell: (donation) => <StatusBadge status={donation.status} /> },
          { header: t("columns.kind"), cell: (donation) => (donation.recurringDonationId ? t("recurring") : t("oneOff")), hideOnPhone: true },
        ]}
        rows={donor.donations}
        rowKey={(donation) => donation.id}
      />
    </div>
  );
}
