// Every string a person reads goes through these message files: lib/i18n/messages/<namespace>/<locale>.json,
// in ICU message format ("Give to {organisation}"). Donor-facing namespaces exist in every language
// (messages.test.ts fails when one language lacks a key another has); the dashboard's exist in English
// only for now, read through the same functions so that translating it later is adding files.
// Imported statically so the build bundles them and the worker needs no file system access.
import { DEFAULT_LOCALE, type Locale } from "./locales";
import commonDe from "./messages/common/de.json";
import commonEn from "./messages/common/en.json";
import commonFr from "./messages/common/fr.json";
import commonNl from "./messages/common/nl.json";
import giveDe from "./messages/give/de.json";
import giveEn from "./messages/give/en.json";
import giveFr from "./messages/give/fr.json";
import giveNl from "./messages/give/nl.json";
import completeDe from "./messages/complete/de.json";
import completeEn from "./messages/complete/en.json";
import completeFr from "./messages/complete/fr.json";
import completeNl from "./messages/complete/nl.json";
import manageDe from "./messages/manage/de.json";
import manageEn from "./messages/manage/en.json";
import manageFr from "./messages/manage/fr.json";
import manageNl from "./messages/manage/nl.json";

/** Namespaces donors read: one file per language. */
export const DONOR_MESSAGES = {
  common: { en: commonEn, de: commonDe, fr: commonFr, nl: commonNl },
  give: { en: giveEn, de: giveDe, fr: giveFr, nl: giveNl },
  complete: { en: completeEn, de: completeDe, fr: completeFr, nl: completeNl },
  manage: { en: manageEn, de: manageDe, fr: manageFr, nl: manageNl },
} satisfies Record<string, Record<Locale, object>>;

/** Namespaces only the dashboard reads: English until the dashboard is translated. */
export const DASHBOARD_MESSAGES = {} satisfies Record<string, { en: object }>;

type DonorNamespaces = typeof DONOR_MESSAGES;
type DashboardNamespaces = typeof DASHBOARD_MESSAGES;

/** The shape of every message, taken from the English files: a key missing in English fails `tsc`. */
export type Messages = { [N in keyof DonorNamespaces]: DonorNamespaces[N]["en"] } & {
  [N in keyof DashboardNamespaces]: DashboardNamespaces[N] extends { en: infer M } ? M : never;
};
export type Namespace = keyof Messages;
export type DonorNamespace = keyof DonorNamespaces;

type Tree = { [key: string]: string | Tree };

/** English underneath, the language on top: a key one language lacks reads in English, never as its raw name. */
function overlay(base: Tree, top: Tree): Tree {
  const merged: Tree = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const under = merged[key];
    merged[key] = typeof value === "object" && typeof under === "object" ? overlay(under, value) : value;
  }
  return merged;
}

function namespaceMessages(namespace: Namespace, locale: Locale): Tree {
  if (namespace in DONOR_MESSAGES) {
    const files = (DONOR_MESSAGES as Record<string, Record<Locale, Tree>>)[namespace];
    if (!files) return {};
    return locale === DEFAULT_LOCALE ? files.en : overlay(files.en, files[locale]);
  }
  return (DASHBOARD_MESSAGES as Record<string, { en: Tree }>)[namespace]?.en ?? {};
}

/**
 * The messages of the namespaces a page needs, in one language: what a client component's provider
 * receives (only those namespaces, to keep the page's payload small) and what translators read.
 */
export function messagesFor(locale: Locale, namespaces: readonly Namespace[]): Messages {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, namespaceMessages(namespace, locale)])) as Messages;
}

export const ALL_NAMESPACES = [...Object.keys(DONOR_MESSAGES), ...Object.keys(DASHBOARD_MESSAGES)] as Namespace[];
