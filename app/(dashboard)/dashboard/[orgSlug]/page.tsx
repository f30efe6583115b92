import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Overview" };

export default async function OrganisationOverview({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation } = await requirePageRole(orgSlug, "viewer");
  return (
    <>
      <h1 className="sr-only">Overview of {organisation.name}</h1>
      <Card title="Stripe account" description={organisation.stripeAccountId ? `Connected (${organisation.stripeAccountId})` : "Not connected yet."}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-600">Charges</dt>
          <dd>{organisation.stripeChargesEnabled ? "Enabled" : "Not enabled"}</dd>
          <dt className="text-slate-600">Payouts</dt>
          <dd>{organisation.stripePayoutsEnabled ? "Enabled" : "Not enabled"}</dd>
          <dt className="text-slate-600">Currencies</dt>
          <dd>{organisation.acceptedCurrencies.join(", ")}</dd>
        </dl>
      </Card>
    </>
  );
}
