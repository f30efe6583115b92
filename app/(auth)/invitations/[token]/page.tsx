import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { currentUser } from "@/lib/auth/membership";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { findInvitation, invitationFor } from "@/lib/organisations/invitations";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
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
      <Card headingLevel={1} title="Invitation">
        <div className="grid gap-4">
          <Alert tone="error">{error.message}</Alert>
          <Link href="/dashboard" className="font-semibold text-teal-800 underline">
            Go to your organisations
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card
      headingLevel={1}
      title={`Join ${invitation.organisation.name}`}
      description={`You are invited as ${ROLE_LABELS[invitation.role].toLowerCase()}, signed in as ${user.email}.`}
    >
      <AcceptInvitationForm token={token} organisationName={invitation.organisation.name} />
    </Card>
  );
}
