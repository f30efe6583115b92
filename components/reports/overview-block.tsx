import { formatMoney } from "@/lib/money/amount";
import type { OverviewFigures } from "@/lib/reports/overview-figures";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** One currency's figures for the period (docs/reports.md#overview-figures). */
export function OverviewBlock({ figures }: { figures: OverviewFigures }) {
  const { currency, refunds, disputes, recurring } = figures;
  const money = (amount: bigint) => formatMoney(amount, currency);
  const rows: Array<[string, string, string?]> = [
    ["Gross", money(figures.gross), "What donors were charged"],
    ["Fees", money(figures.fees), figures.feesPendingGifts ? `Fees pending for ${plural(figures.feesPendingGifts, "gift")}` : "Stripe's fees"],
    ["Net", money(figures.net), "After Stripe's fees"],
    ["Recurring", money(recurring.amount), plural(recurring.gifts, "installment")],
    ["Refunds", money(refunds.amount), plural(refunds.count, "refund")],
    [
      "Disputes",
      money(disputes.amount),
      `${plural(disputes.count, "dispute")}; ${disputes.lostCount} lost (${money(disputes.lostAmount)}); dispute fees ${money(disputes.fees)}`,
    ],
  ];
  return (
    <section aria-labelledby={`overview-${currency}`} data-testid={`overview-${currency}`}>
      <h3 id={`overview-${currency}`} className="font-semibold text-slate-900">
        In {currency}
      </h3>
      <p className="text-sm text-slate-700" data-testid={`overview-${currency}-gifts`}>
        {plural(figures.gifts, "donation")} in {currency}, from {plural(figures.donors, "donor")}
      </p>
      <dl className="mt-2 grid grid-cols-1 gap-3 min-[360px]:grid-cols-2 sm:grid-cols-4">
        {rows.map(([label, value, note]) => (
          <div key={label} className="rounded-lg bg-slate-50 p-3" data-testid={`overview-${currency}-${label.toLowerCase()}`}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-xl font-bold tabular-nums [overflow-wrap:anywhere]">{value}</dd>
            {note ? <dd className="text-sm text-slate-600">{note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
