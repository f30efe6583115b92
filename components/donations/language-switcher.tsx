import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/** The address of this page in another language: the same query, with `lang` set to it. */
export function withLang(path: string, query: Readonly<Record<string, string | string[] | undefined>>, locale: Locale): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === "lang" || value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) params.append(name, each);
  }
  params.set("lang", locale);
  return `${path}?${params.toString()}`;
}

/**
 * Links to the same page in each language, every language named in its own words (and marked as
 * that language, so a screen reader pronounces it right). The current one is marked, not linked away.
 */
export function LanguageSwitcher({
  current,
  path,
  query,
  label,
  currentLabel,
}: {
  current: Locale;
  path: string;
  query: Readonly<Record<string, string | string[] | undefined>>;
  /** "Language", in the page's language: the navigation's accessible name. */
  label: string;
  /** "{language} (current language)" already formatted per language, for screen readers. */
  currentLabel: (name: string) => string;
}) {
  return (
    <nav aria-label={label} className="flex justify-end" data-testid="language-switcher">
      <ul className="flex flex-wrap gap-x-1 text-sm">
        {LOCALES.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale} className="inline-flex min-h-11 items-center px-2 font-semibold text-slate-900">
                <span aria-hidden="true">{LOCALE_NAMES[locale]}</span>
                <span className="sr-only">{currentLabel(LOCALE_NAMES[locale])}</span>
              </span>
            ) : (
              <a
                href={withLang(path, query, locale)}
                lang={locale}
                hrefLang={locale}
                className="inline-flex min-h-11 items-center px-2 text-teal-800 underline hover:text-teal-950"
              >
                {LOCALE_NAMES[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
