import Link from "next/link";
import { SandboxBanner } from "@/components/sandbox-banner";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  const { sandboxConsoleUrl } = getEnv();
  return (
    <>
      {sandboxConsoleUrl ? <SandboxBanner consoleUrl={sandboxConsoleUrl} /> : null}
      <main id="main" className="mx-auto grid max-w-md gap-6 px-4 py-12">
        <Link href="/" className="text-xl font-bold tracking-tight text-teal-800">
          {dashboardText("auth")("layout.home")}
        </Link>
        {children}
      </main>
    </>
  );
}
