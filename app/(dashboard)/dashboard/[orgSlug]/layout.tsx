import { DashboardNav } from "@/components/dashboard-nav";
import { OrganisationSwitcher } from "@/components/organisation-switcher";
import { db } from "@/lib/db/client";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";

export default async function OrganisationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation, role, user } = await requirePageRole(orgSlug, "viewer");
  const others = await db.organisation.findMany({
    where: { memberships: { some: { userId: user.id } }, id: { not: organisation.id } },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
  const base = `/dashboard/${organisation.slug}`;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <OrganisationSwitcher current={organisation.name} others={others} />
        <p className="text-sm text-slate-600">You are {ROLE_LABELS[role].toLowerCase()}</p>
      </div>
      <DashboardNav
        items={[
          { href: base, label: "Overview" },
          { href: `${base}/donations`, label: "Donations" },
          { href: `${base}/recurring`, label: "Recurring" },
          ...(hasRole(role, "admin")
            ? [
                { href: `${base}/campaigns`, label: "Campaigns" },
                { href: `${base}/funds`, label: "Funds" },
              ]
            : []),
          ...(hasRole(role, "admin") && isUkOrganisation(organisation) ? [{ href: `${base}/gift-aid`, label: "Gift Aid" }] : []),
          ...(hasRole(role, "admin") ? [{ href: `${base}/statements`, label: "Statements" }] : []),
          ...(hasRole(role, "admin") ? [{ href: `${base}/reconciliation`, label: "Reconciliation" }] : []),
          { href: `${base}/settings/payments`, label: "Payments" },
          ...(hasRole(role, "admin") ? [{ href: `${base}/share`, label: "Share & embed" }] : []),
          ...(hasRole(role, "admin")
            ? [
                { href: `${base}/settings`, label: "Settings" },
                { href: `${base}/settings/receipts`, label: "Receipts" },
              ]
            : []),
          { href: `${base}/members`, label: "Members" },
        ]}
      />
      <div className="grid gap-6">{children}</div>
    </div>
  );
}
