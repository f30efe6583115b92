import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { SharePanel } from "@/components/campaigns/share-panel";
import { ForgetDonationDraft } from "@/components/donations/forget-donation-draft";
import { withLang } from "@/components/donations/language-switcher";
import { EmbeddedPage } from "@/components/embed/embedded-page";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { shareLinks, websiteLink } from "@/lib/campaigns/share-links";
import { paymentOutcome } from "@/lib/donations/payment-outcome";
import { getEnv } from "@/lib/env";
import { returnToWithOutcome } from "@/lib/embed/embed-context";
import { embedContextFor } from "@/lib/embed/embed-context-for";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";
import { mailLink } from "@/components/i18n/mail-link";

type Query = {
  payment_intent?: string;
  payment_intent_client_secret?: string;
  organisation?: string;
  embed?: string;
  return_to?: string;
  lang?: string;
};
type Props = { searchParams: Promise<Query> };

/** The title's language: the address's (the donation page puts it in its return address), else the browser's. */
async function pageLocale(query: Query): Promise<Locale> {
  return chooseLocale({ lang: query.lang, acceptLanguage: (await headers()).get("accept-language") });
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: translator(await pageLocale(await searchParams), "complete")("title") };
}

export default async function DonationCompletePage({ searchParams }: Props) {
  const query = await searchParams;
  const found = await paymentOutcome(query.payment_intent, query.payment_intent_client_secret);
  // The organisation in the address decides which sites may frame this page (proxy.ts): it must
  // be the one the payment went to, or another organisation's site could show this one's page.
  const outcome = found.kind !== "unknown" && query.organisation && query.organisation !== found.organisation.slug ? { kind: "unknown" as const } : found;
  // Without `?lang=` (an older link), the language the donor gave in.
  const locale = chooseLocale({
    lang: query.lang ?? (outcome.kind === "unknown" ? undefined : outcome.locale),
    acceptLanguage: (await headers()).get("accept-language"),
  });
  const t = translator(locale, "complete");
  if (outcome.kind === "unknown") {
    return (
      <div className="mx-auto grid max-w-xl gap-4" lang={locale}>
        <h1 className="text-2xl font-bold">{t("unknownTitle")}</h1>
        <p className="text-slate-700">{t("unknownBody")}</p>
        <Link href="/" className="font-semibold text-teal-800 underline">
          {t("home")}
        </Link>
      </div>
    );
  }
  const amount = formatMoney(outcome.amount, outcome.currency, intlLocale(locale));
  const org = outcome.organisation.name;
  const given = outcome.kind === "succeeded" || outcome.kind === "processing";
  // Links to share are built from Amply's configured address, never the request's Host.
  const pageUrl = new URL(outcome.retryPath, getEnv().APP_URL).toString();
  const website = websiteLink(outcome.organisation.websiteUrl);
  const embed = query.organisation ? await embedContextFor(outcome.organisation.slug, query) : null;
  // Trying again inside the organisation's site keeps the page fitted to its frame.
  const retry = new URL(outcome.retryPath, "http://amply.invalid");
  if (embed?.parentOrigin) retry.searchParams.set("embed", embed.parentOrigin);
  if (embed?.returnTo) retry.searchParams.set("return_to", embed.returnTo);
  // Trying again keeps a language the address chose.
  const retryPath = query.lang ? withLang(retry.pathname, Object.fromEntries(retry.searchParams), locale) : `${retry.pathname}${retry.search}`;
  return (
    <EmbeddedPage context={embed}>
      <div className="mx-auto grid max-w-xl gap-4" data-testid={`donation-${outcome.kind}`} lang={locale}>
        {outcome.kind === "succeeded" || outcome.kind === "processing" ? <ForgetDonationDraft /> : null}
        {outcome.kind === "succeeded" ? (
          <>
            <h1 className="text-3xl font-bold">{t("thankYou")}</h1>
            <Alert tone="success">{t("succeeded", { amount, organisation: org })}</Alert>
          </>
        ) : outcome.kind === "processing" ? (
          <>
            <h1 className="text-3xl font-bold">{t("processingTitle")}</h1>
            <Alert tone="info">{t("processing", { amount, organisation: org })}</Alert>
            <Link href="" className="font-semibold text-teal-800 underline">
              {t("checkAgain")}
            </Link>
          </>
        ) : outcome.kind === "action_required" ? (
          <>
            <h1 className="text-2xl font-bold">{t("actionTitle")}</h1>
            <Alert tone="warning">{t("action", { amount })}</Alert>
            <ButtonLink href={retryPath}>{t("tryAgain")}</ButtonLink>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t("failedTitle")}</h1>
            {/* Stripe's reason for a declined payment is in English (the bank's words, as Stripe passes them on). */}
            <Alert tone="error">
              {outcome.message ?? t("failedDefault")} {t("notCharged", { amount })}
            </Alert>
            <ButtonLink href={retryPath}>{t("tryAgain")}</ButtonLink>
          </>
        )}
        {given ? (
          <IntlProvider locale={locale} messages={messagesFor(locale, ["complete"])} timeZone="UTC">
            <SharePanel pageUrl={pageUrl} links={shareLinks(pageUrl, t("shareText", { name: outcome.campaign?.name ?? org }))} />
          </IntlProvider>
        ) : null}
        {given && website ? (
          <a href={website} className="font-semibold text-teal-800 underline">
            {t("backToWebsite", { organisation: org })}
          </a>
        ) : null}
        <p className="text-sm text-slate-600">{t.rich("questions", { email: outcome.organisation.email, mail: mailLink(outcome.organisation.email) })}</p>
        {embed?.returnTo && !embed.parentOrigin ? (
          <a
            href={returnToWithOutcome(embed.returnTo, outcome.kind)}
            target="_top"
            className="font-semibold text-teal-800 underline"
            data-testid="back-to-site"
          >
            {t("backToSite", { host: new URL(embed.returnTo).host })}
          </a>
        ) : null}
      </div>
    </EmbeddedPage>
  );
}
