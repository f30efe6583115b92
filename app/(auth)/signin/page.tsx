import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Card } from "@/components/ui/card";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { messagesFor } from "@/lib/i18n/messages";
import { SignInForm } from "./sign-in-form";

export function generateMetadata(): Metadata {
  return { title: dashboardText("auth")("signIn.metaTitle") };
}

/** The errors Auth.js names in the address that Amply explains; any other reads as a general failure. */
const KNOWN_ERRORS = ["Verification", "AccessDenied", "Configuration"] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { email, callbackUrl, error } = await searchParams;
  const t = dashboardText("auth");
  const known = KNOWN_ERRORS.find((code) => code === error) ?? "other";
  return (
    <Card headingLevel={1} title={t("signIn.title")} description={t("signIn.description")}>
      <div className="grid gap-4">
        {error ? <Alert tone="error">{t(`signIn.errors.${known}`)}</Alert> : null}
        {/* The form formats no dates: UTC only satisfies the provider. */}
        <IntlProvider locale="en" messages={messagesFor("en", ["auth"])} timeZone="UTC">
          <SignInForm email={email} callbackUrl={callbackUrl} />
        </IntlProvider>
      </div>
    </Card>
  );
}
