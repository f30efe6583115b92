import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  const { devMailbox } = getEnv();
  return (
    <Card headingLevel={1} title="Check your email" description="We sent you a sign-in link. It works once and expires in 24 hours.">
      {devMailbox ? (
        <p className="text-sm text-slate-700">
          This server keeps mail on a page instead of sending it:{" "}
          <Link href="/dev/mailbox" className="font-semibold text-teal-800 underline">
            open the development mailbox
          </Link>
          .
        </p>
      ) : (
        <p className="text-sm text-slate-700">No email after a few minutes? Check your spam folder, or go back and ask for a new link.</p>
      )}
    </Card>
  );
}
