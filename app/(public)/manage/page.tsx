import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { RequestLinkForm } from "@/components/recurring/request-link-form";
import { Card } from "@/components/ui/card";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translator";

type Props = { searchParams: Promise<{ lang?: string }> };

/** The address's `?lang=`, else the browser's language: nothing here knows the donor yet. */
async function pageLocale(searchParams: Props["searchParams"]) {
  return chooseLocale({ lang: (await searchParams).lang, acceptLanguage: (await headers()).get("accept-language") });
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translator(await pageLocale(searchParams), "manage")("requestTitle"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ManageRequestPage({ searchParams }: Props) {
  const locale = await pageLocale(searchParams);
  const t = translator(locale, "manage");
  return (
    <IntlProvider locale={locale} messages={messagesFor(locale, ["manage"])} timeZone="UTC">
      <div className="mx-auto grid max-w-xl gap-6" lang={locale}>
        <h1 className="text-2xl font-bold">{t("requestTitle")}</h1>
        <Card title={t("requestCardTitle")} description={t("requestCardBody")}>
          <RequestLinkForm />
        </Card>
      </div>
    </IntlProvider>
  );
}
