"use client";
// next-intl's provider for client components, given its locale and messages by the page (which
// chose the language: lib/i18n/choose-locale.ts). Declared as a client component so that
// next-intl's server variant, which would look for a request configuration Amply does not use,
// is never rendered.
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

type Props = { locale: Locale; messages: Partial<Messages>; timeZone: string; children: ReactNode };

export function IntlProvider({ locale, messages, timeZone, children }: Props) {
  return (
    <NextIntlClientProvider
      locale={intlLocale(locale)}
      messages={messages}
      timeZone={timeZone}
      // Every language has every key (lib/i18n/messages.test.ts) and the page sends English beneath
      // it; a message that still fails to format reads as nothing, never as its key's name.
      getMessageFallback={() => ""}
    >
      {children}
    </NextIntlClientProvider>
  );
}
