import type { Metadata } from "next";
import { RefreshWhileRunning, StartStatementRunForm } from "@/components/statements/statement-forms";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { calendarDate, formatDate } from "@/lib/organisations/time-zone";
import { startStatementRunAction } from "./actions";

export const metadata: Metadata = { title: dashboardText("statements")("metaTitle") };

export default async function StatementsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/statements`);
  const runs = await db.statementRun.findMany({ where: { organisationId: organisation.id }, orderBy: { createdAt: "desc" }, take: 20 });
  const thisYear = calendarDate(new Date(), organisation.timeZone).year;
  const years = Array.from({ length: 6 }, (_, index) => thisYear - index);
  const running = runs.some((run) => run.state === "queued" || run.state === "running");
  const t = dashboardText("statements");
  return (
    <>
      <Card headingLevel={1} title={t("title")} description={t("description")}>
        <StartStatementRunForm action={startStatementRunAction} organisationId={organisation.id} years={years} />
      </Card>
      <RefreshWhileRunning running={running} />
      <section aria-labelledby="runs-heading" className="grid gap-3">
        <h2 id="runs-heading" className="text-lg font-semibold text-slate-900">
          {t("sentSoFar")}
        </h2>
        <div aria-live="polite">
          {runs.length ? (
            <Table
              caption={t("caption")}
              testId="statement-runs"
              columns={[
                { header: t("columns.year"), cell: (run) => run.year },
                { header: t("columns.askedFor"), cell: (run) => formatDate(run.createdAt, organisation.timeZone), hideOnPhone: true },
                {
                  header: t("columns.state"),
                  cell: (run) => (run.lastError && run.state === "running" ? t("retrying", { state: t(`states.${run.state}`) }) : t(`states.${run.state}`)),
                },
                {
                  header: t("columns.progress"),
                  cell: (run) => t("progress", { done: run.doneCount, total: run.total, emailed: run.emailedCount }),
                },
              ]}
              rows={runs}
              rowKey={(run) => run.id}
            />
          ) : (
            <p className="text-sm text-slate-700">{t("none")}</p>
          )}
        </div>
      </section>
    </>
  );
}
