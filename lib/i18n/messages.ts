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
import resyncEn from "./messages/resync/en.json";
import reconciliationEn from "./messages/reconciliation/en.json";
import authEn from "./messages/auth/en.json";
import campaignsEn from "./messages/campaigns/en.json";
import fundsEn from "./messages/funds/en.json";
import membersEn from "./messages/members/en.json";
import organisationsEn from "./messages/organisations/en.json";
import settingsEn from "./messages/settings/en.json";
import shareEn from "./messages/share/en.json";
import dashboardEn from "./messages/dashboard/en.json";
import donationsEn from "./messages/donations/en.json";
import donorsEn from "./messages/donors/en.json";
import giftAidEn from "./messages/giftAid/en.json";
import overviewEn from "./messages/overview/en.json";
import receiptsAdminEn from "./messages/receiptsAdmin/en.json";
import recurringGiftsEn from "./messages/recurringGifts/en.json";
import statementsEn from "./messages/statements/en.json";
import emailDe from "./messages/email/de.json";
import emailEn from "./messages/email/en.json";
import emailFr from "./messages/email/fr.json";
import emailNl from "./messages/email/nl.json";
import receiptDe from "./messages/receipt/de.json";
import receiptEn from "./messages/receipt/en.json";
import receiptFr from "./messages/receipt/fr.json";
import receiptNl from "./messages/receipt/nl.json";
import statementDe from "./messages/statement/de.json";
import statementEn from "./messages/statement/en.json";
import statementFr from "./messages/statement/fr.json";
import statementNl from "./messages/statement/nl.json";
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
  email: { en: emailEn, de: emailDe, fr: emailFr, nl: emailNl },
  receipt: { en: receiptEn, de: receiptDe, fr: receiptFr, nl: receiptNl },
  statement: { en: statementEn, de: statementDe, fr: statementFr, nl: statementNl },
  give: { en: giveEn, de: giveDe, fr: giveFr, nl: giveNl },
  complete: { en: completeEn, de: completeDe, fr: completeFr, nl: completeNl },
  manage: { en: manageEn, de: manageDe, fr: manageFr, nl: manageNl },
} satisfies Record<string, Record<Locale, object>>;

/** Namespaces only the dashboard reads: English until the dashboard is translated. */
export const DASHBOARD_MESSAGES = {
  resync: { en: resyncEn },
  reconciliation: { en: reconciliationEn },
  auth: { en: authEn },
  campaigns: { en: campaignsEn },
  funds: { en: fundsEn },
  members: { en: membersEn },
  organisations: { en: organisationsEn },
  settings: { en: settingsEn },
  share: { en: shareEn },
  dashboard: { en: dashboardEn },
  donations: { en: donationsEn },
  donors: { en: donorsEn },
  giftAid: { en: giftAidEn },
  overview: { en: overviewEn },
  receiptsAdmin: { en: receiptsAdminEn },
  recurringGifts: { en: recurringGiftsEn },
  statements: { en: statementsEn },
} satisfies Record<string, { en: object }>;

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
  const files = (DONOR_MESSAGES as Record<string, Record<Locale, Tree> | undefined>)[namespace];
  if (files) return locale === DEFAULT_LOCALE ? files.en : overlay(files.en, files[locale]);
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
