import { formatMoney } from "@/lib/money/amount";
import type { GoalBar } from "@/lib/campaigns/goal-progress";

/** One goal's progress bar: what was raised in its currency, of the goal in that currency. */
export function CampaignProgress({ bar }: { bar: GoalBar }) {
  const { raised, goal, currency, percent } = bar;
  const shown = Math.min(100, percent);
  return (
    <div className="grid gap-1" data-testid={`goal-${currency}`}>
      <div
        role="progressbar"
        aria-label={`Raised so far in ${currency}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
        aria-valuetext={`${formatMoney(raised, currency)} raised of ${formatMoney(goal, currency)}`}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-teal-600" style={{ width: `${shown}%` }} />
      </div>
      <p className="text-sm text-slate-700">
        <strong>{formatMoney(raised, currency)}</strong> raised of {formatMoney(goal, currency)} ({percent}%)
      </p>
    </div>
  );
}
