import Link from "next/link";
import { dashboardText } from "@/lib/i18n/dashboard-text";

/** The user's other organisations, one click away (a disclosure: works without JavaScript). */
export function OrganisationSwitcher({ current, others }: { current: string; others: Array<{ slug: string; name: string }> }) {
  const t = dashboardText("dashboard");
  if (others.length === 0) return <p className="text-xl font-bold">{current}</p>;
  return (
    <details className="group relative">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 text-xl font-bold">
        {current}
        <span aria-hidden="true" className="text-sm text-slate-500 group-open:rotate-180">
          ▾
        </span>
        <span className="sr-only">{t("switcher.switch")}</span>
      </summary>
      <ul className="absolute z-10 mt-1 grid min-w-56 gap-1 rounded-lg bg-white p-2 shadow-lg ring-1 ring-slate-200">
        {others.map((organisation) => (
          <li key={organisation.slug}>
            <Link href={`/dashboard/${organisation.slug}`} className="block rounded px-3 py-2 text-sm hover:bg-slate-100">
              {organisation.name}
            </Link>
          </li>
        ))}
        <li>
          <Link href="/dashboard/new" className="block rounded px-3 py-2 text-sm font-semibold text-teal-800 hover:bg-slate-100">
            {t("switcher.create")}
          </Link>
        </li>
      </ul>
    </details>
  );
}
