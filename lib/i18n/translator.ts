// Translation outside React: server components, route handlers, emails, PDFs and the worker all
// call `translator(locale, namespace)`; client components use next-intl's `useTranslations` under
// <IntlProvider> (components/i18n/intl-provider.tsx). Both read lib/i18n/messages.
// use-intl is next-intl's React-free core (the same package next-intl re-exports): the worker and tests
// import this module outside any React environment.
import { createFormatter, createTranslator } from "use-intl/core";
import { ALL_NAMESPACES, messagesFor, type Namespace } from "./messages";
import { log } from "@/lib/logger";
import { intlLocale, type Locale } from "./locales";

type Translator<N extends Namespace> = ReturnType<typeof makeTranslator<N>>;
const made = new Map<string, unknown>();

/**
 * One translator per language and namespace for the life of the process: making one lays every
 * namespace over English and compiles each message on first use, which would otherwise be paid on
 * every page, status badge and email of a bulk run.
 */
export function translator<N extends Namespace>(locale: Locale, namespace: N): Translator<N> {
  const key = `${locale}:${namespace}`;
  let t = made.get(key) as Translator<N> | undefined;
  if (!t) {
    t = makeTranslator(locale, namespace);
    made.set(key, t);
  }
  return t;
}

function makeTranslator<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({
    locale: intlLocale(locale),
    messages: messagesFor(locale, ALL_NAMESPACES),
    namespace,
    // A key one language lacks already reads in English (messagesFor); a message that still cannot
    // be formatted (a placeholder given no value) is logged and reads as nothing, never as its key.
    onError: (error) => log.error("i18n.message_failed", { locale, message: error.message }),
    getMessageFallback: () => "",
  });
}

/** Dates, numbers and lists in the language's usual forms, in the given time zone (the organisation's). */
export function formatter(locale: Locale, timeZone: string) {
  return createFormatter({ locale: intlLocale(locale), timeZone });
}
