import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { dashboardText } from "@/lib/i18n/dashboard-text";

/**
 * The transaction report for a date range, as a CSV download: a plain GET form to the report's
 * route (docs/reports.md#transaction-report), which streams the file.
 */
export function ReportDownloadForm({ organisationId, from, to }: { organisationId: string; from: string; to: string }) {
  const t = dashboardText("donations");
  return (
    <form
      method="get"
      action={`/api/organisations/${organisationId}/reports/transactions`}
      aria-label={t("report.label")}
      className="grid grid-cols-1 gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <h2 className="text-lg font-semibold sm:col-span-3">{t("report.heading")}</h2>
      <p className="text-sm text-slate-600 sm:col-span-3">{t("report.description")}</p>
      <input type="hidden" name="format" value="csv" />
      <Field label={t("report.firstDay")} name="from" id="report-from" type="date" required defaultValue={from} />
      <Field label={t("report.lastDay")} name="to" id="report-to" type="date" required defaultValue={to} />
      <Button type="submit" variant="secondary">
        {t("report.download")}
      </Button>
    </form>
  );
}
