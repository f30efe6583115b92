import { formatMoney } from "@/lib/money/amount";

export function CampaignProgress({ raised, goal, currency }: { raised: bigint; goal: bigint; currency: string }) {
  const percent = goal > 0n ? Number((raised * 100n) / goal) : 0;
  const shown = Math.min(100, percent);
  return (
    <div className="grid gap-1">
      <div
        role="progressbar"
        aria-label="Raised so far"
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
