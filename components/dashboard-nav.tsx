"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export type NavItem = { href: string; label: string };

/** The organisation's sections; the current one is marked for screen readers too. */
export function DashboardNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations("dashboard");
  return (
    <nav aria-label={t("nav.label")} className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 whitespace-nowrap">
        {items.map((item) => {
          // The most specific section containing this page ("Payments" over "Settings").
          const matches = items.filter((i) => i.href === pathname || (i !== items[0] && pathname.startsWith(`${i.href}/`)));
          const best = matches.sort((a, b) => b.href.length - a.href.length)[0] ?? (pathname === items[0]?.href ? items[0] : undefined);
          const current = best === item;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
