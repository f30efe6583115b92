import type { CampaignTiming } from "@/lib/campaigns/calendar";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

/** "12 donors · 5 days left" under a campaign's goals, in the page's language. */
export function CampaignFacts({ donors, timing, locale }: { donors: number; timing: CampaignTiming; locale: Locale }) {
  const daysLeft = timing.state === "running" ? timing.daysLeft : null;
  const t = translator(locale, "give");
  return (
    <p className="flex flex-wrap gap-x-4 text-sm text-slate-700" data-testid="campaign-facts">
      <span>{t.rich("facts.donors", { count: donors, strong: (chunks) => <strong>{chunks}</strong> })}</span>
      {daysLeft !== null ? <span>{t("facts.daysLeft", { days: daysLeft })}</span> : null}
    </p>
  );
}
