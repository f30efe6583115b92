// Settings > Payments: "Re-sync from Stripe" and its recent runs (docs/stripe.md#re-sync). Rendered
// on the server from the runs table, so leaving and coming back shows where a run is; the page
// reads itself again every few seconds while one is queued or running.
import { StripeResyncForm } from "@/components/organisations/stripe-resync-form";
import { RefreshWhileRunning } from "@/components/statements/statement-forms";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import type { ActionState } from "@/lib/auth/action-state";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatDateTime } from "@/lib/organisations/time-zone";
import { resyncResult, resyncState } from "@/lib/resync/resync-summary";

type Props = {
  organisation: { id: string; timeZone: string };
  canManage: boolean;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
};

export async function StripeResyncCard({ organisation, canManage, action }: Props) {
  const t = dashboardText("resync");
  const runs = await db.stripeResync.findMany({ where: { organisationId: organisation.id }, orderBy: { createdAt: "desc" }, take: 5 });
  const running = runs.some((run) => run.state === "queued" || run.state === "running");
  return (
    <Card title={t("title")} description={t("description")}>
      <div className="grid min-w-0 gap-4">
        {canManage ? (
          <StripeResyncForm action={action} organisationId={organisation.id} labels={{ start: t("start"), starting: t("starting") }} />
        ) : (
          <p className="text-sm text-slate-600">{t("viewerNote")}</p>
        )}
        <RefreshWhileRunning running={running} />
        <section aria-labelledby="resync-runs-heading" className="grid min-w-0 gap-2">
          <h3 id="resync-runs-heading" className="font-semibold text-slate-900">
            {t("runsHeading")}
          </h3>
          <div aria-live="polite" className="min-w-0">
            {runs.length ? (
              <Table
                caption={t("runsCaption")}
                testId="resync-runs"
                variant="inset"
                columns={[
                  { header: t("columns.asked"), cell: (run) => formatDateTime(run.createdAt, organisation.timeZone), className: "whitespace-nowrap" },
                  { header: t("columns.why"), cell: (run) => t(`reason.${run.reason}`), hideOnPhone: true },
                  { header: t("columns.state"), cell: (run) => resyncState(t, run) },
                  { header: t("columns.result"), cell: (run) => resyncResult(t, run) },
                ]}
                rows={runs}
                rowKey={(run) => run.id}
              />
            ) : (
              <p className="text-sm text-slate-700">{t("none")}</p>
            )}
          </div>
        </section>
      </div>
    </Card>
  );
}
