import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "You cannot sign in with that address.",
  Configuration: "Sign-in is not configured correctly on this server. Please tell its operator.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email, callbackUrl, error } = await searchParams;
  return (
    <Card headingLevel={1} title="Sign in to Amply" description="We'll email you a link that signs you in. No password needed.">
      <div className="grid gap-4">
        {error ? <Alert tone="error">{ERRORS[error] ?? "Sign-in did not work. Please try again."}</Alert> : null}
        <SignInForm email={email} callbackUrl={callbackUrl} />
      </div>
    </Card>
  );
}
