import Link from "next/link";
import { currentUser } from "@/lib/auth/membership";
import { dashboardText } from "@/lib/i18n/dashboard-text";

export async function SiteHeader() {
  const user = await currentUser();
  const t = dashboardText("dashboard");
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label={t("header.label")} className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-teal-800">
          {t("brand")}
        </Link>
        {user ? (
          <Link href="/dashboard" className="rounded-lg px-3 py-2 text-sm font-semibold text-teal-800 hover:bg-teal-50">
            {t("header.dashboard")}
          </Link>
        ) : (
          <Link href="/signin" className="rounded-lg px-3 py-2 text-sm font-semibold text-teal-800 hover:bg-teal-50">
            {t("header.signIn")}
          </Link>
        )}
      </nav>
    </header>
  );
}
