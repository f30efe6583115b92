// Which language a donor-facing page speaks: the URL's `?lang=` first (a link or the embed snippet
// chose it), then the browser's Accept-Language, then the organisation's default.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

export type LocaleSources = {
  /** `?lang=` from the URL; ignored unless it is one of Amply's languages ("de", "DE" and "de-AT" count). */
  lang?: string | string[] | null;
  /** The request's Accept-Language header. */
  acceptLanguage?: string | null;
  /** The organisation's setting, used when neither of the above names a language Amply speaks. */
  organisationDefault?: string | null;
};

/** "de-AT" and "DE" as "de"; anything else as undefined. */
function fromTag(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : undefined;
}

export function chooseLocale({ lang, acceptLanguage, organisationDefault }: LocaleSources): Locale {
  const fallback = isLocale(organisationDefault) ? organisationDefault : DEFAULT_LOCALE;
  const asked = typeof lang === "string" ? fromTag(lang) : undefined;
  if (asked) return asked;
  if (!acceptLanguage) return fallback;
  // Negotiator orders the header's languages by quality and drops q=0; the matcher then finds the
  // closest one Amply speaks (de-CH -> de) in that order.
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages().filter((tag) => tag !== "*");
  if (requested.length === 0) return fallback;
  try {
    const matched = match(requested, [...LOCALES], fallback);
    return isLocale(matched) ? matched : fallback;
  } catch {
    // A malformed tag in the header (Intl refuses it): the organisation's language, not an error page.
    return fallback;
  }
}
