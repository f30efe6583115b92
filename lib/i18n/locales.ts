// The languages donors can read Amply in. Safe for the browser: no server imports.

export const LOCALES = ["en", "de", "fr", "nl"] as const;
export type Locale = (typeof LOCALES)[number];

/** What a page falls back to when neither the URL, the browser nor the organisation names a language. */
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, for pickers ("Deutsch", not "German"). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", de: "Deutsch", fr: "Français", nl: "Nederlands" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The region Intl formats a language with. English keeps the British forms Amply has always used
 * ("€25.00", "1 December 2026"); the others are the language's home country, so German reads
 * "25,00 €", French "25,00 €" and Dutch "€ 25,00".
 */
const FORMAT_REGION: Record<Locale, string> = { en: "en-GB", de: "de-DE", fr: "fr-FR", nl: "nl-NL" };

export function intlLocale(locale: Locale): string {
  return FORMAT_REGION[locale];
}
