import type { Metadata } from "next";
import Link from "next/link";
import { StartReconciliationForm } from "@/components/reconciliation/start-reconciliation-form";
import { RefreshWhileRunning } from "@/components/statements/statement-forms";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import type { ReconciliationDifferenceKind, ReconciliationRun } from "@/lib/db/generated/client.ts";
import { formatDate, startOfDay } from "@/lib/organisations/time-zone";
import { presetPeriod } from "@/lib/reports/overview-period";
import { startReconciliationAction } from "./actions";

export const metadata: Metadata = { title: "Reconciliation" };

/** At most this many differences are listed on the page; the count says how many there are. */
const SHOWN = 200;

const STATE_LABELS = { queued: "Waiting to start", running: "Comparing", done: "Done", failed: "Stopped" } as const;

const KIND_LABELS: Record<ReconciliationDifferenceKind, string> = {
  missing_in_amply: "Missing in Amply",
  missing_in_stripe: "Missing in Stripe",
  amount_mismatch: "Amount differs",
  fee_mismatch: "Fee differs",
  currency_mismatch: "Currency differs",
  status_mismatch: "Status differs",
};

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;

function rangeOf(run: Pick<ReconciliationRun, "fromDay" | "toDay" | "timeZone">) {
  const from = formatDate(startOfDay(run.fromDay, run.timeZone), run.timeZone);
  const to = formatDate(startOfDay(run.toDay, run.timeZone), run.timeZone);
  return from === to ? from : `${from} to ${to}`;
}

function compared(run: ReconciliationRun) {
  return `${plural(run.chargesCompared, "charge")}, ${plural(run.refundsCompared, "refund")} and ${plural(run.balanceTransactionsCompared, "balance transaction")}`;
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

  return (
    <>
      <Card
        headingLevel={1}
        title="Reconciliation"
        description="Compare Amply's ledger with Stripe for a range of days (in your time zone, from Settings > Receipts): every charge, refund and balance transaction on your Stripe accounts, side by side with what Amply booked. It runs in the background; you can leave this page and come back."
      >
        {everConnected ? (
          <StartReconciliationForm action={startReconciliationAction} organisationId={organisation.id} from={period.from} to={period.to} />
        ) : (
          <Alert tone="info" title="No Stripe account to compare with">
            Connect your Stripe account in <Link href={`${base}/settings/payments`}>Settings &gt; Payments</Link> first: there is nothing to reconcile until
            donations come in.
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
              <Alert tone="warning" title="Some of your Stripe accounts could not be read">
                Amply can no longer read {run.unreadableAccounts.join(", ")}: the account was disconnected from Amply in Stripe. What it holds was not compared.
                Reconnect it in <Link href={`${base}/settings/payments`}>Settings &gt; Payments</Link> and compare again, or check it in Stripe&apos;s
                Dashboard.
              </Alert>
            ) : null}
          </div>
          {differences.length ? (
            <>
              <Table
                caption="Differences between Amply and Stripe"
                testId="reconciliation-differences"
                columns={[
                  { header: "Difference", cell: (d) => KIND_LABELS[d.kind], className: "whitespace-nowrap font-medium" },
                  {
                    header: "Stripe object",
                    cell: (d) =>
                      d.donationId ? (
                        <Link href={`${base}/donations/${d.donationId}`} className="break-all underline">
                          {d.stripeObjectId ?? "Donation"}
                        </Link>
                      ) : (
                        <span className="break-all">{d.stripeObjectId ?? ""}</span>
                      ),
                  },
                  { header: "Amply has", cell: (d) => d.amply },
                  { header: "Stripe has", cell: (d) => d.stripe },
                  { header: "What to do", cell: (d) => d.explanation, hideOnPhone: true },
                ]}
                rows={differences}
                rowKey={(d) => d.id}
              />
              {run.differencesFound > differences.length ? (
                <p className="text-sm text-slate-700">
                  The first {differences.length} of {run.differencesFound.toLocaleString("en-GB")} differences are shown. Resolve these and compare again.
                </p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      {runs.length > 1 ? (
        <section aria-labelledby="runs-heading" className="grid gap-3">
          <h2 id="runs-heading" className="text-lg font-semibold text-slate-900">
            Earlier comparisons
          </h2>
          <Table
            caption="Reconciliation runs"
            testId="reconciliation-runs"
            columns={[
              {
                header: "Days",
                cell: (each) =>
                  each.id === run?.id ? (
                    <span aria-current="true">{rangeOf(each)} (shown)</span>
                  ) : (
                    <Link href={`?run=${each.id}`} className="underline">
                      {rangeOf(each)}
                    </Link>
                  ),
              },
              { header: "Asked for", cell: (each) => formatDate(each.createdAt, organisation.timeZone), hideOnPhone: true },
              { header: "State", cell: (each) => STATE_LABELS[each.state] },
              { header: "Differences", cell: (each) => (each.state === "done" ? each.differencesFound : "…"), align: "right" },
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
  const progress = `${plural(run.stripePages, "page")} read from Stripe (${plural(run.stripeRequests, "request")}): ${compared(run)} compared, ${plural(run.ledgerEntriesChecked, "ledger entry", "ledger entries")} checked.`;
  const pending = run.feesPending
    ? ` ${plural(run.feesPending, "charge")} ${run.feesPending === 1 ? "is" : "are"} waiting for Stripe to report ${run.feesPending === 1 ? "its" : "their"} fee (normal within a day of the payment).`
    : "";
  if (run.state === "queued")
    return (
      <Alert tone="info" title="Waiting to start">
        The comparison starts in a moment.
      </Alert>
    );
  if (run.state === "running") {
    return (
      <Alert tone="info" title={run.lastError ? "Comparing (retrying after an error reaching Stripe)" : "Comparing"}>
        {progress} {run.differencesFound ? `${plural(run.differencesFound, "difference")} so far.` : ""}
      </Alert>
    );
  }
  if (run.state === "failed")
    return (
      <Alert tone="error" title="Stopped">
        The comparison could not finish. Start it again; if it stops again, tell whoever runs Amply.
      </Alert>
    );
  if (run.differencesFound === 0 && run.unreadableAccounts.length === 0) {
    return (
      <Alert tone="success" title="Clean">
        Amply&apos;s ledger and Stripe agree for {rangeOf(run)}: {compared(run)}.{pending}
      </Alert>
    );
  }
  if (run.differencesFound === 0) {
    return (
      <Alert tone="info" title="No differences in what could be read">
        {compared(run)} agree with Amply&apos;s ledger for {rangeOf(run)}.{pending}
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title={`${plural(run.differencesFound, "difference")}`}>
      Amply and Stripe disagree for {rangeOf(run)} ({compared(run)} compared).{pending} Each difference below says what to do next; those a lost webhook
      explains go away with a re-sync from Stripe. Compare again afterwards.
    </Alert>
  );
}
