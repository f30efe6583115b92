import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Your organisations" };

export default async function DashboardHome() {
  const user = await requireSignedIn("/dashboard");
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    include: { organisation: { select: { name: true, slug: true, stripeChargesEnabled: true, stripeAccountId: true } } },
    orderBy: { createdAt: "asc" },
  });
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Your organisations</h1>
        <ButtonLink href="/dashboard/new">Create an organisation</ButtonLink>
      </div>
      {memberships.length === 0 ? (
        <Card title="You are not a member of an organisation yet" description="Create one, or ask an owner of your organisation to invite you by email." />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {memberships.map(({ organisation, role }) => (
            <li key={organisation.slug}>
              <Link href={`/dashboard/${organisation.slug}`} className="block rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-teal-600">
                <span className="block text-lg font-semibold">{organisation.name}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {ROLE_LABELS[role]} ·{" "}
                  {organisation.stripeAccountId ? (organisation.stripeChargesEnabled ? "Taking donations" : "Stripe setup unfinished") : "Stripe not connected"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
