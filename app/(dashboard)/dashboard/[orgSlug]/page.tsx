import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { recentTotals } from "@/lib/donations/recent-totals";
import { formatMoney } from "@/lib/money/amount";
import { monthlyRecurringRevenue } from "@/lib/recurring/monthly-recurring-revenue";

export const metadata: Metadata = { title: "Overview" };

export default async function OrganisationOverview({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "viewer");
  const [totals, recurring] = await Promise.all([recentTotals(organisation.id), monthlyRecurringRevenue(organisation.id)]);
  const base = `/dashboard/${organisation.slug}`;
  return (
    <>
      <h1 className="sr-only">Overview of {organisation.name}</h1>
      <Card title="Last 30 days" description="Donations received, net of refunds, in each currency donors gave in.">
        {totals.length === 0 ? (
          <p className="text-sm text-slate-700">
            No donations yet.{" "}
            {organisation.stripeChargesEnabled ? (
              <>
                Share your donation page:{" "}
                <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
                  /give/{organisation.slug}
                </Link>
              </>
            ) : (
              <Link href={`${base}/settings/payments`} className="font-semibold text-teal-800 underline">
                Connect Stripe to start taking donations
              </Link>
            )}
          </p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3">
            {totals.map((total) => (
              <li key={total.currency} className="rounded-lg bg-slate-50 p-4">
                <p className="text-2xl font-bold tabular-nums">{formatMoney(total.net, total.currency)}</p>
                <p className="text-sm text-slate-600">
                  {total.count} donation{total.count === 1 ? "" : "s"} in {total.currency}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title="Monthly recurring revenue"
        description="What running recurring gifts bring in a month, in each currency: a yearly gift counts as a twelfth, covered fees are left out, paused gifts are not counted."
      >
        {recurring.length === 0 ? (
          <p className="text-sm text-slate-700">No recurring gifts are running.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-3" data-testid="monthly-recurring-revenue">
            {recurring.map((total) => (
              <li key={total.currency} className="rounded-lg bg-slate-50 p-4">
                <p className="text-2xl font-bold tabular-nums">{formatMoney(total.amount, total.currency)}</p>
                <p className="text-sm text-slate-600">
                  {total.gifts} recurring gift{total.gifts === 1 ? "" : "s"} in {total.currency}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Link href={`${base}/recurring`} className="mt-3 inline-block text-sm font-semibold text-teal-800 underline">
          Recurring gifts
        </Link>
      </Card>
      <Card title="Stripe account" description={organisation.stripeAccountId ? `Connected (${organisation.stripeAccountId})` : "Not connected yet."}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-600">Charges</dt>
          <dd>{organisation.stripeChargesEnabled ? "Enabled" : "Not enabled"}</dd>
          <dt className="text-slate-600">Payouts</dt>
          <dd>{organisation.stripePayoutsEnabled ? "Enabled" : "Not enabled"}</dd>
          <dt className="text-slate-600">Currencies</dt>
          <dd>{organisation.acceptedCurrencies.join(", ")}</dd>
        </dl>
        <Link href={`${base}/settings/payments`} className="mt-3 inline-block text-sm font-semibold text-teal-800 underline">
          Payment settings
        </Link>
      </Card>
    </>
  );
}
