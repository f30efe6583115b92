import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/membership";
import { acceptInvitation, findInvitation, type InvitationProblem } from "@/lib/organisations/invitations";

export const metadata: Metadata = { title: "Invitation" };

const PROBLEMS: Record<InvitationProblem, string> = {
  not_found: "This invitation link is not valid. Ask the person who invited you to send a new one.",
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  used: "This invitation was already accepted.",
  wrong_user: "This invitation is for another email address. Sign out, then open the link again and sign in with the invited address.",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  if (!user) {
    const invitation = await findInvitation(token);
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}${invitation ? `&email=${encodeURIComponent(invitation.email)}` : ""}`);
  }
  const result = await acceptInvitation(token, user);
  if (result.ok) redirect(`/dashboard/${result.slug}`);
  return (
    <Card headingLevel={1} title="Invitation">
      <div className="grid gap-4">
        <Alert tone="error">{PROBLEMS[result.problem]}</Alert>
        <Link href="/dashboard" className="font-semibold text-teal-800 underline">
          Go to your organisations
        </Link>
      </div>
    </Card>
  );
}
