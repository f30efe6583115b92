import type { Metadata } from "next";
import { RecordExportForm } from "@/components/gift-aid/record-export-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { readGiftAidClaim } from "@/lib/gift-aid/gift-aid-claim";
import { giftAidPeriodFrom } from "@/lib/gift-aid/gift-aid-period";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";
import { schedulePartCount } from "@/lib/gift-aid/schedule-csv";
import { scheduleAmount, scheduleDate } from "@/lib/gift-aid/schedule-format";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import { createGiftAidExportAction } from "./actions";

export const metadata: Metadata = { title: dashboardText("giftAid")("metaTitle") };

const PREVIEW_ROWS = 50;

/** Gift Aid claims (admins): the period's claim as it would be exported, and the exports recorded (docs/gift-aid.md#exports). */
export default async function GiftAidPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ start?: string; end?: string }>;
}) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/gift-aid`);
  const t = dashboardText("giftAid");
  if (!isUkOrganisation(organisation)) {
    return (
      <div className="grid grid-cols-1 gap-4">
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <Alert>{t("notUk")}</Alert>
      </div>
    );
  }
  const query = await searchParams;
  const period = giftAidPeriodFrom({ start: query.start, end: query.end }, new Date(), organisation.timeZone);
  const [claim, exports] = await Promise.all([
    readGiftAidClaim(db, organisation.id, period),
    db.giftAidExport.findMany({
      where: { organisationId: organisation.id },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { _count: { select: { rows: { where: { kind: "adjustment" } } } } },
    }),
  ]);
  const base = `/api/organisations/${organisation.id}/gift-aid/exports`;
  return (
    <div className="grid grid-cols-1 gap-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <Card title={t("period.title")} description={t("period.description")}>
        <form method="get" className="grid grid-cols-1 gap-4 sm:grid-cols-[auto_auto_auto] sm:items-end">
          {period.error ? (
            <div className="sm:col-span-3">
              <Alert tone="error">{t("period.fallback", { error: period.error })}</Alert>
            </div>
          ) : null}
          <div className="grid gap-1">
            <label htmlFor="gift-aid-start" className="text-sm font-medium text-slate-800">
              {t("period.firstDay")}
            </label>
            <input id="gift-aid-start" type="date" name="start" required defaultValue={query.start ?? period.start} className={controlClass} />
          </div>
          <div className="grid gap-1">
            <label htmlFor="gift-aid-end" className="text-sm font-medium text-slate-800">
              {t("period.lastDay")}
            </label>
            <input id="gift-aid-end" type="date" name="end" required defaultValue={query.end ?? period.end} className={controlClass} />
          </div>
          <Button type="submit" variant="secondary">
            {t("period.show")}
          </Button>
        </form>
      </Card>

      <Card title={t("ready.title", { start: scheduleDate(period.start), end: scheduleDate(period.end) })} description={t("ready.description")}>
        <div className="grid gap-4">
          <p data-testid="gift-aid-summary">
            {claim.adjustments.length
              ? t("ready.summaryWithAdjustments", {
                  count: claim.donations.length,
                  total: formatMoney(claim.donationTotal, "GBP"),
                  adjustments: claim.adjustments.length,
                  adjustmentTotal: formatMoney(claim.adjustmentTotal, "GBP"),
                })
              : t("ready.summary", { count: claim.donations.length, total: formatMoney(claim.donationTotal, "GBP") })}
          </p>
          {claim.donations.length ? (
            <Table
              caption={t("ready.caption")}
              testId="gift-aid-preview"
              rowTestId="gift-aid-row"
              className="sm:min-w-[36rem]"
              rows={claim.donations.slice(0, PREVIEW_ROWS)}
              rowKey={(row) => row.donationId}
              columns={[
                {
                  header: t("columns.donor"),
                  className: "[overflow-wrap:anywhere]",
                  cell: (row) => [row.title, row.firstName, row.lastName].filter(Boolean).join(" "),
                },
                { header: t("columns.address"), className: "[overflow-wrap:anywhere]", cell: (row) => `${row.houseNameOrNumber}, ${row.postcode}` },
                { header: t("columns.date"), hideOnPhone: true, cell: (row) => scheduleDate(row.donationDate) },
                { header: t("columns.amount"), align: "right", className: "whitespace-nowrap tabular-nums", cell: (row) => scheduleAmount(row.amount) },
              ]}
            />
          ) : null}
          {claim.donations.length > PREVIEW_ROWS ? <p className="text-sm text-slate-600">{t("ready.firstShown", { count: PREVIEW_ROWS })}</p> : null}
          <RecordExportForm action={createGiftAidExportAction} organisationId={organisation.id} start={period.start} end={period.end} />
        </div>
      </Card>

      <Card title={t("exports.title")} description={t("exports.description")}>
        {exports.length === 0 ? (
          <p className="text-slate-700">{t("exports.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="gift-aid-exports">
            {exports.map((recorded) => {
              const parts = schedulePartCount(recorded.donationCount);
              return (
                <li key={recorded.id} className="grid gap-2 py-3" data-testid="gift-aid-export">
                  <p>
                    <span className="font-medium">
                      {t("exports.range", {
                        start: scheduleDate(recorded.periodStart.toISOString().slice(0, 10)),
                        end: scheduleDate(recorded.periodEnd.toISOString().slice(0, 10)),
                      })}
                    </span>
                    <span className="block text-sm text-slate-600">
                      {t("exports.recorded", {
                        date: recorded.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: recorded.timeZone }),
                        count: recorded.donationCount,
                        total: formatMoney(recorded.donationTotal, "GBP"),
                      })}
                      {recorded._count.rows ? t("exports.refundsAfter", { total: formatMoney(recorded.adjustmentTotal, "GBP") }) : ""}
                    </span>
                  </p>
                  <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {recorded.donationCount
                      ? Array.from({ length: parts }, (_, index) => (
                          <li key={index}>
                            <a href={`${base}/${recorded.id}?part=${index + 1}`} download className="font-semibold text-teal-800 underline">
                              {parts > 1 ? t("exports.schedulePart", { part: index + 1, parts }) : t("exports.schedule")}
                            </a>
                          </li>
                        ))
                      : null}
                    {recorded._count.rows ? (
                      <li>
                        <a href={`${base}/${recorded.id}?file=adjustments`} download className="font-semibold text-teal-800 underline">
                          {t("exports.adjustments")}
                        </a>
                      </li>
                    ) : null}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
