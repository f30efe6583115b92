import { DashboardNav } from "@/components/dashboard-nav";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { OrganisationSwitcher } from "@/components/organisation-switcher";
import { db } from "@/lib/db/client";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { DASHBOARD_MESSAGES, messagesFor, type Namespace } from "@/lib/i18n/messages";

// The dashboard's client components (forms, the section links) read their words from every dashboard
// namespace: English only and a few kilobytes, so one provider here serves every page below it.
const DASHBOARD_NAMESPACES = Object.keys(DASHBOARD_MESSAGES) as Namespace[];

export default async function OrganisationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation, role, user } = await requirePageRole(orgSlug, "viewer");
  const others = await db.organisation.findMany({
    where: { memberships: { some: { userId: user.id } }, id: { not: organisation.id } },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
  const base = `/dashboard/${organisation.slug}`;
  const t = dashboardText("dashboard");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", DASHBOARD_NAMESPACES)} timeZone={organisation.timeZone}>
      <div className="grid gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <OrganisationSwitcher current={organisation.name} others={others} />
          <p className="text-sm text-slate-600">{t("role", { role })}</p>
        </div>
        <DashboardNav
          items={[
            { href: base, label: t("nav.overview") },
            { href: `${base}/donations`, label: t("nav.donations") },
            { href: `${base}/recurring`, label: t("nav.recurring") },
            ...(hasRole(role, "admin")
              ? [
                  { href: `${base}/campaigns`, label: t("nav.campaigns") },
                  { href: `${base}/funds`, label: t("nav.funds") },
                ]
              : []),
            ...(hasRole(role, "admin") && isUkOrganisation(organisation) ? [{ href: `${base}/gift-aid`, label: t("nav.giftAid") }] : []),
            ...(hasRole(role, "admin") ? [{ href: `${base}/statements`, label: t("nav.statements") }] : []),
            ...(hasRole(role, "admin") ? [{ href: `${base}/reconciliation`, label: t("nav.reconciliation") }] : []),
            { href: `${base}/settings/payments`, label: t("nav.payments") },
            ...(hasRole(role, "admin") ? [{ href: `${base}/share`, label: t("nav.share") }] : []),
            ...(hasRole(role, "admin")
              ? [
                  { href: `${base}/settings`, label: t("nav.settings") },
                  { href: `${base}/settings/receipts`, label: t("nav.receipts") },
                ]
              : []),
            { href: `${base}/members`, label: t("nav.members") },
          ]}
        />
        <div className="grid gap-6">{children}</div>
      </div>
    </IntlProvider>
  );
}
