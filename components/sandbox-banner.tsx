import { dashboardText } from "@/lib/i18n/dashboard-text";

/**
 * Shown wherever Amply runs on the offline Stripe sandbox, with a link to the sandbox's console, where
 * a developer settles SEPA debits, funds bank transfers, refunds and disputes as Stripe would.
 */
export function SandboxBanner({ consoleUrl }: { consoleUrl: string }) {
  const t = dashboardText("dashboard");
  return (
    <aside aria-label={t("sandbox.label")} className="bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-900">
      {t("sandbox.notice")}{" "}
      <a href={consoleUrl} className="underline underline-offset-2 hover:text-amber-950 focus-visible:outline-2 focus-visible:outline-amber-900">
        {t("sandbox.console")}
      </a>
    </aside>
  );
}
