import type { Metadata } from "next";
import Link from "next/link";
import { StartReconciliationForm } from "@/components/reconciliation/start-reconciliation-form";
import { RefreshWhileRunning } from "@/components/statements/statement-forms";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import type { ReconciliationRun } from "@/lib/db/generated/client.ts";
import { translator } from "@/lib/i18n/translator";
import { formatDate, startOfDay } from "@/lib/organisations/time-zone";
import { presetPeriod } from "@/lib/reports/overview-period";
import { startReconciliationAction } from "./actions";

const t = translator("en", "reconciliation");

export const metadata: Metadata = { title: t("title") };

/** At most this many differences are listed on the page; the count says how many there are. */
const SHOWN = 200;

function rangeOf(run: Pick<ReconciliationRun, "fromDay" | "toDay" | "timeZone">) {
  const from = formatDate(startOfDay(run.fromDay, run.timeZone), run.timeZone);
  const to = formatDate(startOfDay(run.toDay, run.timeZone), run.timeZone);
  return from === to ? from : `${from} to ${to}`;
}

function compared(run: ReconciliationRun) {
  return t("counts.compared", { charges: run.chargesCompared, refunds: run.refundsCompared, transactions: run.balanceTransactionsCompared });
}

export default async function ReconciliationPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ run?: string }> }) {
  const { orgSlug } = await params;
  const { run: chosen } = await searchParams;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/reconciliation`);
  const base = `/dashboard/${organisation.slug}`;
  const everConnected = organisation.stripeAccountId !== null || (await db.stripeAccountConnection.count({ where: { organisationId: organisation.id } })) > 0;
  const runs = await db.reconciliationRun.findMany({ where: { organisationId: organisation.id }, orderBy: { createdAt: "desc" }, take: 10 });
  const run = (chosen ? runs.find((each) => each.id === chosen) : undefined) ?? runs[0];
  const differences =
    run?.state === "done" || run?.state === "running"
      ? await db.reconciliationDifference.findMany({ where: { runId: run.id }, orderBy: [{ kind: "asc" }, { createdAt: "asc" }], take: SHOWN })
      : [];
  const running = runs.some((each) => each.state === "queued" || each.state === "running");
  const period = presetPeriod("last-month", new Date(), organisation.timeZone);
  const settingsLink = (chunks: React.ReactNode) => <Link href={`${base}/settings/payments`}>{chunks}</Link>;
  const formText = { from: t("form.from"), to: t("form.to"), start: t("form.start"), starting: t("form.starting") };

  return (
    <>
      <Card headingLevel={1} title={t("title")} description={t("description")}>
        {everConnected ? (
          <StartReconciliationForm action={startReconciliationAction} organisationId={organisation.id} from={period.from} to={period.to} text={formText} />
        ) : (
          <Alert tone="info" title={t("notConnected.title")}>
            {t.rich("notConnected.body", { link: settingsLink })}
          </Alert>
        )}
      </Card>
      <RefreshWhileRunning running={running} />
      {run ? (
        <section aria-labelledby="run-heading" className="grid gap-3">
          <h2 id="run-heading" className="text-lg font-semibold text-slate-900">
            {rangeOf(run)}
          </h2>
          <div aria-live="polite" className="grid gap-3">
            <RunStatus run={run} />
            {run.unreadableAccounts.length ? (
              <Alert tone="warning" title={t("unreadable.title")}>
                {t.rich("unreadable.body", { accounts: run.unreadableAccounts.join(", "), link: settingsLink })}
              </Alert>
            ) : null}
          </div>
          {differences.length ? (
            <>
              <Table
                caption={t("table.caption")}
                testId="reconciliation-differences"
                columns={[
                  { header: t("table.kind"), cell: (d) => t(`kinds.${d.kind}`), className: "whitespace-nowrap font-medium" },
                  {
                    header: t("table.object"),
                    cell: (d) =>
                      d.donationId ? (
                        <Link href={`${base}/donations/${d.donationId}`} className="break-all underline">
                          {d.stripeObjectId ?? t("table.donation")}
                        </Link>
                      ) : (
                        <span className="break-all">{d.stripeObjectId ?? ""}</span>
                      ),
                  },
                  { header: t("table.amply"), cell: (d) => d.amply },
                  { header: t("table.stripe"), cell: (d) => d.stripe },
                  { header: t("table.next"), cell: (d) => d.explanation, hideOnPhone: true },
                ]}
                rows={differences}
                rowKey={(d) => d.id}
              />
              {run.differencesFound > differences.length ? (
                <p className="text-sm text-slate-700">{t("table.more", { shown: differences.length, total: run.differencesFound })}</p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      {runs.length > 1 ? (
        <section aria-labelledby="runs-heading" className="grid gap-3">
          <h2 id="runs-heading" className="text-lg font-semibold text-slate-900">
            {t("runs.heading")}
          </h2>
          <Table
            caption={t("runs.caption")}
            testId="reconciliation-runs"
            columns={[
              {
                header: t("runs.days"),
                cell: (each) =>
                  each.id === run?.id ? (
                    <span aria-current="true">{t("runs.shown", { range: rangeOf(each) })}</span>
                  ) : (
                    <Link href={`?run=${each.id}`} className="underline">
                      {rangeOf(each)}
                    </Link>
                  ),
              },
              { header: t("runs.asked"), cell: (each) => formatDate(each.createdAt, organisation.timeZone), hideOnPhone: true },
              { header: t("runs.state"), cell: (each) => t(`runs.states.${each.state}`) },
              { header: t("runs.differences"), cell: (each) => (each.state === "done" ? each.differencesFound : "…"), align: "right" },
            ]}
            rows={runs}
            rowKey={(each) => each.id}
          />
        </section>
      ) : null}
    </>
  );
}

function RunStatus({ run }: { run: ReconciliationRun }) {
  const range = rangeOf(run);
  const pending = run.feesPending ? ` ${t("counts.feesPending", { count: run.feesPending })}` : "";
  if (run.state === "queued") {
    return (
      <Alert tone="info" title={t("status.queuedTitle")}>
        {t("status.queuedBody")}
      </Alert>
    );
  }
  if (run.state === "running") {
    const progress = t("counts.progress", { pages: run.stripePages, requests: run.stripeRequests, compared: compared(run), entries: run.ledgerEntriesChecked });
    return (
      <Alert tone="info" title={run.lastError ? t("status.retryingTitle") : t("status.runningTitle")}>
        {progress} {t("counts.differencesSoFar", { count: run.differencesFound })}
      </Alert>
    );
  }
  if (run.state === "failed") {
    return (
      <Alert tone="error" title={t("status.failedTitle")}>
        {t("status.failedBody")}
      </Alert>
    );
  }
  if (run.differencesFound === 0 && run.unreadableAccounts.length === 0) {
    return (
      <Alert tone="success" title={t("status.cleanTitle")}>
        {t("status.cleanBody", { range, compared: compared(run) })}
        {pending}
      </Alert>
    );
  }
  if (run.differencesFound === 0) {
    return (
      <Alert tone="info" title={t("status.partlyCleanTitle")}>
        {t("status.partlyCleanBody", { range, compared: compared(run) })}
        {pending}
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title={t("status.differencesTitle", { count: run.differencesFound })}>
      {t("status.differencesBody", { range, compared: compared(run) })}
      {pending}
    </Alert>
  );
}
