import Link from "next/link";
import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";

/** Only where mail is not sent anywhere (no EMAIL_SERVER, development or an explicit opt-in). */
export default function MailboxLayout({ children }: { children: React.ReactNode }) {
  if (!getEnv().devMailbox) notFound();
  return (
    <main id="main" className="mx-auto grid max-w-4xl gap-6 px-4 py-8">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Development mailbox</h1>
        <Link href="/" className="text-sm font-semibold text-teal-800 underline">
          Back to Amply
        </Link>
      </header>
      <p className="text-sm text-slate-600">
        No SMTP server is configured, so Amply keeps every email here instead of sending it. Never enable this on a public server.
      </p>
      {children}
    </main>
  );
}
