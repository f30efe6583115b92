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
import { formatMoney } from "@/lib/money/amount";
import { createGiftAidExportAction } from "./actions";

export const metadata: Metadata = { title: "Gift Aid" };

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
  if (!isUkOrganisation(organisation)) {
    return (
      <div className="grid grid-cols-1 gap-4">
        <h1 className="text-2xl font-bold">Gift Aid</h1>
        <Alert>Gift Aid is a UK tax relief: Amply offers it to organisations in the UK, on gifts in pounds.</Alert>
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
      <h1 className="text-2xl font-bold">Gift Aid</h1>
      <Card title="Period" description="Gifts received on these days, in UK time. By default the current tax year, 6 April to 5 April.">
        <form method="get" className="grid grid-cols-1 gap-4 sm:grid-cols-[auto_auto_auto] sm:items-end">
          {period.error ? (
            <div className="sm:col-span-3">
              <Alert tone="error">{period.error} Showing the current tax year instead.</Alert>
            </div>
          ) : null}
          <div className="grid gap-1">
            <label htmlFor="gift-aid-start" className="text-sm font-medium text-slate-800">
              First day
            </label>
            <input id="gift-aid-start" type="date" name="start" required defaultValue={query.start ?? period.start} className={controlClass} />
          </div>
          <div className="grid gap-1">
            <label htmlFor="gift-aid-end" className="text-sm font-medium text-slate-800">
              Last day
            </label>
            <input id="gift-aid-end" type="date" name="end" required defaultValue={query.end ?? period.end} className={controlClass} />
          </div>
          <Button type="submit" variant="secondary">
            Show period
          </Button>
        </form>
      </Card>

      <Card
        title={`Ready to export: ${scheduleDate(period.start)} to ${scheduleDate(period.end)}`}
        description="Gifts in pounds with a Gift Aid declaration, not claimed by an earlier export, for what the donor paid less refunds; and gifts claimed earlier and refunded since."
      >
        <div className="grid gap-4">
          <p data-testid="gift-aid-summary">
            {claim.donations.length} donation{claim.donations.length === 1 ? "" : "s"} ({formatMoney(claim.donationTotal, "GBP")}) to claim
            {claim.adjustments.length ? `; ${claim.adjustments.length} refunded after an earlier claim (${formatMoney(claim.adjustmentTotal, "GBP")})` : ""}.
          </p>
          {claim.donations.length ? (
            <Table
              caption="Donations this export would claim"
              testId="gift-aid-preview"
              rowTestId="gift-aid-row"
              className="sm:min-w-[36rem]"
              rows={claim.donations.slice(0, PREVIEW_ROWS)}
              rowKey={(row) => row.donationId}
              columns={[
                { header: "Donor", className: "[overflow-wrap:anywhere]", cell: (row) => [row.title, row.firstName, row.lastName].filter(Boolean).join(" ") },
                { header: "Address", className: "[overflow-wrap:anywhere]", cell: (row) => `${row.houseNameOrNumber}, ${row.postcode}` },
                { header: "Date", hideOnPhone: true, cell: (row) => scheduleDate(row.donationDate) },
                { header: "Amount", align: "right", className: "whitespace-nowrap tabular-nums", cell: (row) => scheduleAmount(row.amount) },
              ]}
            />
          ) : null}
          {claim.donations.length > PREVIEW_ROWS ? (
            <p className="text-sm text-slate-600">The first {PREVIEW_ROWS} are shown; the export has them all.</p>
          ) : null}
          <RecordExportForm action={createGiftAidExportAction} organisationId={organisation.id} start={period.start} end={period.end} />
        </div>
      </Card>

      <Card
        title="Exports"
        description="Each file of HMRC's schedule takes at most 1,000 donations. Refunds after an earlier claim are in a separate file: enter 25% of their total as the adjustment to previously overclaimed tax on your next claim."
      >
        {exports.length === 0 ? (
          <p className="text-slate-700">No exports yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="gift-aid-exports">
            {exports.map((recorded) => {
              const parts = schedulePartCount(recorded.donationCount);
              return (
                <li key={recorded.id} className="grid gap-2 py-3" data-testid="gift-aid-export">
                  <p>
                    <span className="font-medium">
                      {scheduleDate(recorded.periodStart.toISOString().slice(0, 10))} to {scheduleDate(recorded.periodEnd.toISOString().slice(0, 10))}
                    </span>
                    <span className="block text-sm text-slate-600">
                      Recorded {recorded.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: recorded.timeZone })} ·{" "}
                      {recorded.donationCount} donation{recorded.donationCount === 1 ? "" : "s"}, {formatMoney(recorded.donationTotal, "GBP")}
                      {recorded._count.rows ? ` · refunds after an earlier claim: ${formatMoney(recorded.adjustmentTotal, "GBP")}` : ""}
                    </span>
                  </p>
                  <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {recorded.donationCount
                      ? Array.from({ length: parts }, (_, index) => (
                          <li key={index}>
                            <a href={`${base}/${recorded.id}?part=${index + 1}`} download className="font-semibold text-teal-800 underline">
                              Schedule{parts > 1 ? `, file ${index + 1} of ${parts}` : ""} (CSV)
                            </a>
                          </li>
                        ))
                      : null}
                    {recorded._count.rows ? (
                      <li>
                        <a href={`${base}/${recorded.id}?file=adjustments`} download className="font-semibold text-teal-800 underline">
                          Refund adjustments (CSV)
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
