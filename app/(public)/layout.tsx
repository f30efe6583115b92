import { SandboxBanner } from "@/components/sandbox-banner";
import { SiteHeader } from "@/components/site-header";
import { getEnv } from "@/lib/env";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  const { sandboxConsoleUrl } = getEnv();
  return (
    <>
      {sandboxConsoleUrl ? <SandboxBanner consoleUrl={sandboxConsoleUrl} /> : null}
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8 sm:py-12">
        {children}
      </main>
    </>
  );
}
