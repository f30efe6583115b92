import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import type { TopTarget } from "@/lib/reports/top-funds-and-campaigns";

/** A ranked list of funds or campaigns, per currency. */
export function TopTargets({ title, targets, testId }: { title: string; targets: TopTarget[]; testId: string }) {
  const t = dashboardText("overview");
  return (
    <section aria-labelledby={`${testId}-heading`}>
      <h3 id={`${testId}-heading`} className="font-semibold text-slate-900">
        {title}
      </h3>
      {targets.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("top.none")}</p>
      ) : (
        <ol className="mt-2 grid gap-1 text-sm" data-testid={testId}>
          {targets.map((target) => (
            <li key={`${target.currency}-${target.id}`} className="flex justify-between gap-3">
              <span className="[overflow-wrap:anywhere]">{target.name}</span>
              <span className="whitespace-nowrap tabular-nums">
                {t("top.amount", { amount: formatMoney(target.amount, target.currency), count: target.gifts })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
