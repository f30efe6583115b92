// The translator emails, receipts and statements are written with, one per language and namespace
// for the life of the process: making one lays every namespace over English and compiles each
// message on first use, which would cost a few milliseconds for every email of a bulk run.
import type { Locale } from "@/lib/i18n/locales";
import type { Namespace } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translator";

const made = new Map<string, unknown>();

export function wordsFor<N extends Namespace>(locale: Locale, namespace: N): ReturnType<typeof translator<N>> {
  const key = `${locale}:${namespace}`;
  let t = made.get(key) as ReturnType<typeof translator<N>> | undefined;
  if (!t) {
    t = translator(locale, namespace);
    made.set(key, t);
  }
  return t;
}
