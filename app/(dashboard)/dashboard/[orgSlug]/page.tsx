import type { Metadata } from "next";
import Link from "next/link";
import { CampaignProgress } from "@/components/donations/campaign-progress";
import { DonationsChart } from "@/components/reports/donations-chart";
import { OverviewBlock } from "@/components/reports/overview-block";
import { TopTargets } from "@/components/reports/top-targets";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { requirePageRole } from "@/lib/auth/page-guard";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatDate } from "@/lib/organisations/time-zone";
import { formatMoney } from "@/lib/money/amount";
import { monthlyRecurringRevenue } from "@/lib/recurring/monthly-recurring-revenue";
import { activeCampaignGoals } from "@/lib/reports/active-campaign-goals";
import { donationsOverTime } from "@/lib/reports/donations-over-time";
import { overviewFigures } from "@/lib/reports/overview-figures";
import { OVERVIEW_PRESETS, overviewPeriodFrom } from "@/lib/reports/overview-period";
import { topFundsAndCampaigns } from "@/lib/reports/top-funds-and-campaigns";

export const metadata: Metadata = { title: dashboardText("overview")("metaTitle") };

const dayOf = (isoDate: string) => formatDate(new Date(`${isoDate}T12:00:00Z`), "UTC");

/** The organisation's figures for a period (docs/reports.md#overview-figures): every member may see them. */
export default async function OrganisationOverview({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ period?: string | string[]; from?: string | string[]; to?: string | string[] }>;
}) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "viewer");
  const query = await searchParams;
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const asked = { period: single(query.period), from: single(query.from), to: single(query.to) };
  const now = new Date();
  const timeZone = organisation.timeZone;
  const period = overviewPeriodFrom(asked, now, timeZone);
  const range = { from: period.from, to: period.to };
  const [figures, chart, top, goals, recurring] = await Promise.all([
    overviewFigures(organisation.id, timeZone, range),
    donationsOverTime(organisation.id, timeZone, range),
    topFundsAndCampaigns(organisation.id, timeZone, range),
    activeCampaignGoals(organisation.id, timeZone, now),
    monthlyRecurringRevenue(organisation.id),
  ]);
  const base = `/dashboard/${organisation.slug}`;
  const t = dashboardText("overview");
  const periodName = t("periodName", { from: dayOf(period.from), to: dayOf(period.to) });
  return (
    <>
      <h1 className="sr-only">{t("heading", { organisation: organisation.name })}</h1>
      <Card title={t("period.title")} description={t("period.description", { timeZone })}>
        <div className="grid gap-4">
          {period.error ? <Alert tone="error">{t("period.fallback", { error: period.error })}</Alert> : null}
          <nav aria-label={t("period.nav")}>
            <ul className="flex flex-wrap gap-2">
              {OVERVIEW_PRESETS.map((preset) => (
                <li key={preset.value}>
                  <Link
                    href={`${base}?period=${preset.value}`}
                    aria-current={period.preset === preset.value && !period.error ? "page" : undefined}
                    className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-teal-800 ring-1 ring-slate-300 aria-[current=page]:bg-teal-700 aria-[current=page]:text-white"
                  >
                    {t(`presets.${preset.value}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form method="get" className="grid grid-cols-1 gap-4 sm:grid-cols-[auto_auto_auto] sm:items-end">
            <div className="grid gap-1">
              <label htmlFor="overview-from" className="text-sm font-medium text-slate-800">
                {t("period.firstDay")}
              </label>
              <input id="overview-from" type="date" name="from" required defaultValue={asked.from ?? period.from} className={controlClass} />
            </div>
            <div className="grid gap-1">
              <label htmlFor="overview-to" className="text-sm font-medium text-slate-800">
                {t("period.lastDay")}
              </label>
              <input id="overview-to" type="date" name="to" required defaultValue={asked.to ?? period.to} className={controlClass} />
            </div>
            <Button type="submit" variant="secondary">
              {t("period.show")}
            </Button>
          </form>
        </div>
      </Card>

      <Card title={t("donations.title", { period: periodName })} description={t("donations.description")}>
        {figures.length === 0 ? (
          <p className="text-sm text-slate-700" data-testid="overview-empty">
            {t("donations.none")}{" "}
            {organisation.stripeChargesEnabled ? (
              <>
                {t("donations.share")}{" "}
                <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
                  {`/give/${organisation.slug}`}
                </Link>
              </>
            ) : (
              <Link href={`${base}/settings/payments`} className="font-semibold text-teal-800 underline">
                {t("donations.connect")}
              </Link>
            )}
          </p>
        ) : (
          <div className="grid gap-6">
            {figures.map((block) => (
              <OverviewBlock key={block.currency} figures={block} />
            ))}
          </div>
        )}
      </Card>

      {chart.length ? (
        <Card title={t("chart.title")} description={t("chart.description", { period: periodName })}>
          <div className="grid gap-6">
            {chart.map((series) => (
              <DonationsChart key={series.currency} series={series} />
            ))}
          </div>
        </Card>
      ) : null}

      {top.funds.length || top.campaigns.length ? (
        <Card title={t("top.title")} description={t("top.description")}>
          <div className="grid gap-6 sm:grid-cols-2">
            <TopTargets title={t("top.funds")} targets={top.funds} testId="top-funds" />
            <TopTargets title={t("top.campaigns")} targets={top.campaigns} testId="top-campaigns" />
          </div>
        </Card>
      ) : null}

      {goals.length ? (
        <Card title={t("goals.title")} description={t("goals.description")}>
          <ul className="grid gap-4">
            {goals.map((campaign) => (
              <li key={campaign.id} className="grid gap-2">
                <h3 className="font-semibold">{campaign.name}</h3>
                {campaign.bars.map((bar) => (
                  <CampaignProgress key={bar.currency} bar={bar} />
                ))}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card title={t("recurring.title")} description={t("recurring.description")}>
        {recurring.length === 0 ? (
          <p className="text-sm text-slate-700">{t("recurring.none")}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3" data-testid="monthly-recurring-revenue">
            {recurring.map((total) => (
              <li key={total.currency} className="rounded-lg bg-slate-50 p-4">
                <p className="text-2xl font-bold tabular-nums">{formatMoney(total.amount, total.currency)}</p>
                <p className="text-sm text-slate-600">{t("recurring.gifts", { count: total.gifts, currency: total.currency })}</p>
              </li>
            ))}
          </ul>
        )}
        <Link href={`${base}/recurring`} className="mt-3 inline-block text-sm font-semibold text-teal-800 underline">
          {t("recurring.link")}
        </Link>
      </Card>
      <Card
        title={t("stripe.title")}
        description={organisation.stripeAccountId ? t("stripe.connected", { account: organisation.stripeAccountId }) : t("stripe.notConnected")}
      >
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("stripe.charges")}</dt>
          <dd>{organisation.stripeChargesEnabled ? t("stripe.enabled") : t("stripe.notEnabled")}</dd>
          <dt className="text-slate-600">{t("stripe.payouts")}</dt>
          <dd>{organisation.stripePayoutsEnabled ? t("stripe.enabled") : t("stripe.notEnabled")}</dd>
          <dt className="text-slate-600">{t("stripe.currencies")}</dt>
          <dd>{organisation.acceptedCurrencies.join(", ")}</dd>
        </dl>
        <Link href={`${base}/settings/payments`} className="mt-3 inline-block text-sm font-semibold text-teal-800 underline">
          {t("stripe.link")}
        </Link>
      </Card>
    </>
  );
}
