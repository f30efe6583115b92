import type { Metadata } from "next";
import { InviteForm, MemberRoleForm, RevokeInvitationForm } from "@/components/organisations/member-forms";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { changeMemberAction, inviteAction, revokeInvitationAction } from "./actions";

export function generateMetadata(): Metadata {
  return { title: dashboardText("members")("metaTitle") };
}

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organisation, role, user } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/members`);
  const isOwner = hasRole(role, "owner");
  const [members, invitations] = await Promise.all([
    db.membership.findMany({
      where: { organisationId: organisation.id },
      include: { user: { select: { email: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.invitation.findMany({
      where: { organisationId: organisation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      include: { invitedBy: { select: { email: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const t = dashboardText("members");
  return (
    <IntlProvider locale="en" messages={messagesFor("en", ["members"])} timeZone={organisation.timeZone}>
      <div className="grid grid-cols-1 gap-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <Card title={t("people")}>
          <ul className="divide-y divide-slate-200">
            {members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                {/* Long addresses wrap on a phone rather than widen the page. */}
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <span className="block font-medium">{member.user.name ?? member.user.email}</span>
                  <span className="block text-sm text-slate-600">
                    {t("memberLine", { email: member.user.email, role: t(`roles.${member.role}`) })}
                    {member.userId === user.id ? t("you") : null}
                  </span>
                </span>
                {isOwner ? (
                  <MemberRoleForm
                    action={changeMemberAction}
                    organisationId={organisation.id}
                    membershipId={member.id}
                    role={member.role}
                    label={member.user.email}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
        {isOwner ? (
          <Card title={t("inviteTitle")} description={t("inviteDescription")}>
            <InviteForm action={inviteAction} organisationId={organisation.id} />
            {invitations.length ? (
              <div className="mt-5">
                <h3 className="text-sm font-semibold">{t("waiting")}</h3>
                <ul className="mt-2 divide-y divide-slate-200 text-sm text-slate-700" aria-label={t("pendingInvitations")}>
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="pending-invitation">
                      <span className="min-w-0 [overflow-wrap:anywhere]">
                        {t("memberLine", { email: invitation.email, role: t(`roles.${invitation.role}`) })}
                        <span className="block text-xs text-slate-500">
                          {t("sentBy", {
                            sender: invitation.invitedBy?.email ?? t("formerMember"),
                            date: invitation.expiresAt.toLocaleDateString("en-GB", { timeZone: "UTC" }),
                          })}
                        </span>
                      </span>
                      <RevokeInvitationForm
                        action={revokeInvitationAction}
                        organisationId={organisation.id}
                        invitationId={invitation.id}
                        label={invitation.email}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>
        ) : null}
      </div>
    </IntlProvider>
  );
}
