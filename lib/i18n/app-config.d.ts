// Types next-intl's `useTranslations` and `createTranslator` against Amply's English messages, so
// that a key that does not exist fails `tsc` instead of showing its raw name. Its locale stays a plain
// string: next-intl is given region tags ("de-DE", lib/i18n/locales.ts#intlLocale) so that its dates and
// numbers read as Amply's own formatting does.
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Messages: Messages;
  }
}
