import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";

export function generateMetadata(): Metadata {
  return { title: dashboardText("auth")("checkEmail.metaTitle") };
}

export default function CheckEmailPage() {
  const { devMailbox } = getEnv();
  const t = dashboardText("auth");
  return (
    <Card headingLevel={1} title={t("checkEmail.title")} description={t("checkEmail.description")}>
      {devMailbox ? (
        <p className="text-sm text-slate-700">
          {t.rich("checkEmail.devMailbox", {
            link: (chunks) => (
              <Link href="/dev/mailbox" className="font-semibold text-teal-800 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <p className="text-sm text-slate-700">{t("checkEmail.noEmail")}</p>
      )}
    </Card>
  );
}
