import Link from "next/link";
import { dashboardText } from "@/lib/i18n/dashboard-text";

/** What a page the member's role does not reach says; the page around it decides the landmark it sits in. */
export function ForbiddenMessage() {
  const t = dashboardText("dashboard");
  return (
    <div className="mx-auto grid max-w-lg gap-4 px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("forbidden.title")}</h1>
      <p className="text-slate-700">{t("forbidden.body")}</p>
      <Link href="/dashboard" className="font-semibold text-teal-800 underline">
        {t("forbidden.link")}
      </Link>
    </div>
  );
}
