import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import type { OverviewFigures } from "@/lib/reports/overview-figures";

/** One currency's figures for the period (docs/reports.md#overview-figures). */
export function OverviewBlock({ figures }: { figures: OverviewFigures }) {
  const { currency, refunds, disputes, recurring } = figures;
  const money = (amount: bigint) => formatMoney(amount, currency);
  const t = dashboardText("overview");
  // [the figure's id (its test id), its name, its value, a note]
  const rows: Array<[string, string, string, string?]> = [
    ["gross", t("block.gross"), money(figures.gross), t("block.grossNote")],
    [
      "fees",
      t("block.fees"),
      money(figures.fees),
      figures.feesPendingGifts ? t("block.feesPending", { count: figures.feesPendingGifts }) : t("block.feesNote"),
    ],
    ["net", t("block.net"), money(figures.net), t("block.netNote")],
    ["recurring", t("block.recurring"), money(recurring.amount), t("block.recurringNote", { count: recurring.gifts })],
    ["refunds", t("block.refunds"), money(refunds.amount), t("block.refundsNote", { count: refunds.count })],
    [
      "disputes",
      t("block.disputes"),
      money(disputes.amount),
      t("block.disputesNote", {
        count: disputes.count,
        lost: disputes.lostCount,
        lostAmount: money(disputes.lostAmount),
        fees: money(disputes.fees),
      }),
    ],
  ];
  return (
    <section aria-labelledby={`overview-${currency}`} data-testid={`overview-${currency}`}>
      <h3 id={`overview-${currency}`} className="font-semibold text-slate-900">
        {t("block.heading", { currency })}
      </h3>
      <p className="text-sm text-slate-700" data-testid={`overview-${currency}-gifts`}>
        {t("block.gifts", { gifts: figures.gifts, currency, donors: figures.donors })}
      </p>
      <dl className="mt-2 grid grid-cols-1 gap-3 min-[360px]:grid-cols-2 sm:grid-cols-4">
        {rows.map(([id, label, value, note]) => (
          <div key={id} className="rounded-lg bg-slate-50 p-3" data-testid={`overview-${currency}-${id}`}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-xl font-bold tabular-nums [overflow-wrap:anywhere]">{value}</dd>
            {note ? <dd className="text-sm text-slate-600">{note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
