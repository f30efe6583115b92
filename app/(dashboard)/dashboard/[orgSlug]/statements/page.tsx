import type { Metadata } from "next";
import { RefreshWhileRunning, StartStatementRunForm } from "@/components/statements/statement-forms";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { calendarDate, formatDate } from "@/lib/organisations/time-zone";
import { startStatementRunAction } from "./actions";

export const metadata: Metadata = { title: "Statements" };

const STATE_LABELS = { queued: "Waiting to start", running: "Sending", done: "Done", failed: "Stopped" } as const;

export default async function StatementsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "admin", `/dashboard/${orgSlug}/statements`);
  const runs = await db.statementRun.findMany({ where: { organisationId: organisation.id }, orderBy: { createdAt: "desc" }, take: 20 });
  const thisYear = calendarDate(new Date(), organisation.timeZone).year;
  const years = Array.from({ length: 6 }, (_, index) => thisYear - index);
  const running = runs.some((run) => run.state === "queued" || run.state === "running");
  return (
    <>
      <Card
        headingLevel={1}
        title="Annual statements"
        description="Email every donor who gave in a year their statement for it: a PDF listing that year's gifts net of refunds, with your legal details from Settings > Receipts. The emails go out in the background; you can leave this page and come back."
      >
        <StartStatementRunForm action={startStatementRunAction} organisationId={organisation.id} years={years} />
      </Card>
      <RefreshWhileRunning running={running} />
      <section aria-labelledby="runs-heading" className="grid gap-3">
        <h2 id="runs-heading" className="text-lg font-semibold text-slate-900">
          Sent so far
        </h2>
        <div aria-live="polite">
          {runs.length ? (
            <Table
              caption="Statement runs"
              testId="statement-runs"
              columns={[
                { header: "Year", cell: (run) => run.year },
                { header: "Asked for", cell: (run) => formatDate(run.createdAt, organisation.timeZone), hideOnPhone: true },
                {
                  header: "State",
                  cell: (run) => (run.lastError && run.state === "running" ? `${STATE_LABELS[run.state]} (retrying after an error)` : STATE_LABELS[run.state]),
                },
                { header: "Progress", cell: (run) => `${run.doneCount} of ${run.total} donors (${run.emailedCount} emailed)` },
              ]}
              rows={runs}
              rowKey={(run) => run.id}
            />
          ) : (
            <p className="text-sm text-slate-700">No statements sent in bulk yet.</p>
          )}
        </div>
      </section>
    </>
  );
}
