import type { Metadata } from "next";
import Link from "next/link";
import { DonationFilterForm } from "@/components/donations/donation-filter-form";
import { ReportDownloadForm } from "@/components/donations/report-download-form";
import { StatusBadge } from "@/components/donations/status-badge";
import { Alert } from "@/components/ui/alert";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { filterQuery, parseDonationFilters } from "@/lib/donations/donation-filters";
import { listDonations } from "@/lib/donations/list-donations";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { receiptNumber } from "@/lib/donations/receipt";
import { formatMoney } from "@/lib/money/amount";

export const metadata: Metadata = { title: dashboardText("donations")("metaTitle") };

type Query = Record<string, string | string[] | undefined>;

export default async function DonationsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Query> }) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const { organisation } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/donations`);
  const { filters, errors } = parseDonationFilters(query);
  const [{ rows, next }, funds, campaigns] = await Promise.all([
    listDonations(organisation.id, filters, organisation.timeZone),
    db.fund.findMany({ where: { organisationId: organisation.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.campaign.findMany({ where: { organisationId: organisation.id }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const base = `/dashboard/${organisation.slug}/donations`;
  const raw = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filtered = Object.keys(filters).some((key) => key !== "after");
  const problems = Object.values(errors);
  const today = new Date().toISOString().slice(0, 10);
  const t = dashboardText("donations");
  return (
    <div className="grid grid-cols-1 gap-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <DonationFilterForm
        open={filtered || problems.length > 0}
        base={base}
        raw={raw}
        errors={errors}
        funds={funds}
        campaigns={campaigns}
        currencies={[...new Set([organisation.defaultCurrency, ...organisation.acceptedCurrencies])].sort()}
      />
      {problems.length > 0 ? (
        <Alert tone="warning" title={t("filtersLeftOut")}>
          {problems.join(" ")}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        filtered ? (
          <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">{t("noMatch")}</p>
        ) : (
          <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
            {t("noneYet")}{" "}
            <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
              {`/give/${organisation.slug}`}
            </Link>
          </p>
        )
      ) : (
        <Table
          caption={filtered ? t("captionFiltered") : t("caption")}
          className="sm:min-w-[40rem]"
          rows={rows}
          rowKey={(donation) => donation.id}
          rowTestId="donation-row"
          columns={[
            {
              header: t("columns.date"),
              // On a phone the date may take two lines, so that the amount and the status stay on screen
              // (a vertical scrollbar alone takes 15 px of a 360 px screen).
              className: "sm:whitespace-nowrap",
              cell: (donation) => (
                <Link href={`${base}/${donation.id}`} className="font-semibold text-teal-800 underline">
                  {donation.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}
                  {donation.receiptNumber ? (
                    <span className="block text-xs font-normal text-slate-600">{receiptNumber({ receiptNumber: donation.receiptNumber })}</span>
                  ) : null}
                </Link>
              ),
            },
            {
              header: t("columns.donor"),
              // Long names and addresses wrap rather than push the amount off a phone's screen.
              className: "[overflow-wrap:anywhere]",
              cell: (donation) =>
                donation.anonymous ? <span className="italic text-slate-600">{t("anonymous")}</span> : (donation.donorName ?? donation.donorEmail ?? "-"),
            },
            {
              header: t("columns.amount"),
              align: "right",
              className: "whitespace-nowrap tabular-nums",
              cell: (donation) => (
                <>
                  {formatMoney(donation.chargedAmount, donation.currency)}
                  <span className="block text-xs text-slate-500">
                    {donation.currency}
                    {donation.recurringInterval ? (
                      <span data-testid="recurring-badge"> · {t("interval", { interval: donation.recurringInterval })}</span>
                    ) : null}
                  </span>
                </>
              ),
            },
            { header: t("columns.status"), cell: (donation) => <StatusBadge status={donation.status} /> },
            { header: t("columns.for"), hideOnPhone: true, cell: (donation) => donation.campaignName ?? donation.fundName ?? t("general") },
          ]}
        />
      )}
      <nav aria-label={t("pages")} className="flex flex-wrap gap-4">
        {filters.after !== undefined ? (
          <Link href={`${base}${filterQuery(filters)}`} className="font-semibold text-teal-800 underline">
            {t("newest")}
          </Link>
        ) : null}
        {next !== undefined ? (
          <Link href={`${base}${filterQuery(filters, next)}`} className="font-semibold text-teal-800 underline">
            {t("older")}
          </Link>
        ) : null}
      </nav>
      <ReportDownloadForm organisationId={organisation.id} from={`${today.slice(0, 8)}01`} to={today} />
    </div>
  );
}
