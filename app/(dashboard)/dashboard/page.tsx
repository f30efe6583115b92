import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";

export function generateMetadata(): Metadata {
  return { title: dashboardText("organisations")("home.metaTitle") };
}

export default async function DashboardHome() {
  const user = await requireSignedIn("/dashboard");
  const memberships = await db.membership.findMany({
    where: { userId: user.id },
    include: { organisation: { select: { name: true, slug: true, stripeChargesEnabled: true, stripeAccountId: true } } },
    orderBy: { createdAt: "asc" },
  });
  const t = dashboardText("organisations");
  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("home.title")}</h1>
        <ButtonLink href="/dashboard/new">{t("home.create")}</ButtonLink>
      </div>
      {memberships.length === 0 ? (
        <Card title={t("home.emptyTitle")} description={t("home.emptyDescription")} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {memberships.map(({ organisation, role }) => (
            <li key={organisation.slug}>
              <Link href={`/dashboard/${organisation.slug}`} className="block rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-teal-600">
                <span className="block text-lg font-semibold">{organisation.name}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {t("home.status", {
                    role: t(`home.roles.${role}`),
                    status: t(organisation.stripeAccountId ? (organisation.stripeChargesEnabled ? "home.taking" : "home.unfinished") : "home.notConnected"),
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
