import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";
import type { GoalBar } from "@/lib/campaigns/goal-progress";

/** One goal's progress bar: what was raised in its currency, of the goal in that currency (the dashboard shows it in English). */
export function CampaignProgress({ bar, locale = DEFAULT_LOCALE }: { bar: GoalBar; locale?: Locale }) {
  const { raised, goal, currency, percent } = bar;
  const shown = Math.min(100, percent);
  const t = translator(locale, "give");
  const money = { raised: formatMoney(raised, currency, intlLocale(locale)), goal: formatMoney(goal, currency, intlLocale(locale)) };
  return (
    <div className="grid gap-1" data-testid={`goal-${currency}`}>
      <div
        role="progressbar"
        aria-label={t("progress.label", { currency })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={shown}
        aria-valuetext={t("progress.valueText", money)}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-teal-600" style={{ width: `${shown}%` }} />
      </div>
      <p className="text-sm text-slate-700">{t.rich("progress.text", { ...money, percent, strong: (chunks) => <strong>{chunks}</strong> })}</p>
    </div>
  );
}
