import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { currentUser } from "@/lib/auth/membership";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { findInvitation, invitationFor } from "@/lib/organisations/invitations";
import { AcceptInvitationForm } from "./accept-form";

export function generateMetadata(): Metadata {
  return { title: dashboardText("auth")("invitation.metaTitle") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  const t = dashboardText("auth");
  if (!user) {
    const invitation = await findInvitation(token);
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}${invitation ? `&email=${encodeURIComponent(invitation.email)}` : ""}`);
  }
  let invitation;
  try {
    invitation = await invitationFor(token, user);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (
      <Card headingLevel={1} title={t("invitation.title")}>
        <div className="grid gap-4">
          <Alert tone="error">{error.message}</Alert>
          <Link href="/dashboard" className="font-semibold text-teal-800 underline">
            {t("invitation.goToOrganisations")}
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card
      headingLevel={1}
      title={t("invitation.joinTitle", { organisation: invitation.organisation.name })}
      description={t("invitation.invitedAs", { role: t(`invitation.roles.${invitation.role}`), email: user.email })}
    >
      {/* The form formats no dates: UTC only satisfies the provider. */}
      <IntlProvider locale="en" messages={messagesFor("en", ["auth"])} timeZone="UTC">
        <AcceptInvitationForm token={token} organisationName={invitation.organisation.name} />
      </IntlProvider>
    </Card>
  );
}
