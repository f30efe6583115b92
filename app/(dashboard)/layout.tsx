import Link from "next/link";
import { SandboxBanner } from "@/components/sandbox-banner";
import { Button } from "@/components/ui/button";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedIn("/dashboard");
  const { sandboxConsoleUrl } = getEnv();
  const t = dashboardText("dashboard");
  return (
    <>
      {sandboxConsoleUrl ? <SandboxBanner consoleUrl={sandboxConsoleUrl} /> : null}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/dashboard" className="text-lg font-bold tracking-tight text-teal-800">
            {t("brand")}
          </Link>
          <div className="flex items-center gap-3 text-sm">
            <span className="hidden text-slate-600 sm:inline" data-testid="signed-in-as">
              {user.email}
            </span>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost">
                {t("signOut")}
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-6 px-4 py-6">
        {children}
      </main>
    </>
  );
}
