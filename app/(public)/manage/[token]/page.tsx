// The donor's page for their recurring gifts to one organisation, reached from a receipt's link.
// The link is the only credential: a tampered, expired or unknown one gets a page that offers a
// fresh link (docs/recurring.md#manage-links). The token is never logged, and the page sends no
// Referer anywhere (next.config.ts).
import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { CancelForm, ChangeGiftForm, PauseForm, ResumeForm, type ManagedGiftView } from "@/components/recurring/gift-forms";
import { PaymentMethodForm } from "@/components/recurring/payment-method-form";
import { RequestLinkForm } from "@/components/recurring/request-link-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/env";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";
import { giftsOfDonor, linkedGift, type ManagedGift } from "@/lib/recurring/authorize-managed-gift";
import { giftStatus } from "@/lib/recurring/gift-status";
import { readLiveGift } from "@/lib/recurring/read-live-gift";
import { formatDate } from "@/lib/organisations/time-zone";
import { amountInputText } from "@/components/donations/donation-figures";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ lang?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  // The title in the address's or the browser's language: the link is not checked twice for it.
  const locale = chooseLocale({ lang: (await searchParams).lang, acceptLanguage: (await headers()).get("accept-language") });
  return { title: translator(locale, "manage")("pageTitle"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * The page's language: the address's `?lang=`, else the language the gift was started in (the
 * receipt with this link spoke it), else the browser's, else the organisation's.
 */
async function pageLocale(lang: string | undefined, gift?: { locale: string; organisation: { defaultLocale: string } }): Promise<Locale> {
  return chooseLocale({
    lang: lang ?? gift?.locale,
    acceptLanguage: (await headers()).get("accept-language"),
    organisationDefault: gift?.organisation.defaultLocale,
  });
}

export default async function ManageGiftsPage({ params, searchParams }: Props) {
  const { token: raw } = await params;
  const { lang } = await searchParams;
  const token = decodeURIComponent(raw);
  let linked: NonNullable<ManagedGift>;
  try {
    linked = await linkedGift(token);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return <RefusedLink locale={await pageLocale(lang)} message={error.message} expired={error.details.reason === "expired_link"} />;
  }
  const locale = await pageLocale(lang, linked);
  const t = translator(locale, "manage");
  const intl = intlLocale(locale);
  // Dated as the confirmation emails date them.
  const day = (date: Date) => formatDate(date, "UTC", intl);
  const figure = (gift: { currency: string; amount: bigint; feeCovered: bigint; interval: string }) => {
    const values = { amount: formatMoney(gift.amount, gift.currency, intl), interval: gift.interval, fee: formatMoney(gift.feeCovered, gift.currency, intl) };
    return gift.feeCovered > 0n ? t("figureWithFee", values) : t("figure", values);
  };
  const gifts = await Promise.all((await giftsOfDonor(linked)).map((gift) => readLiveGift(gift)));
  const env = getEnv();
  const stripe = { publishableKey: env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY, scriptUrl: env.STRIPE_JS_URL };
  return (
    <IntlProvider locale={locale} messages={messagesFor(locale, ["manage"])} timeZone="UTC">
      <div className="mx-auto grid max-w-2xl gap-6" lang={locale}>
        <div>
          <h1 className="text-2xl font-bold">{t("giftsTo", { organisation: linked.organisation.name })}</h1>
          <p className="mt-1 text-slate-700">{t("intro")}</p>
        </div>
        {gifts.map((gift) => {
          const status = giftStatus(gift);
          const view: ManagedGiftView = {
            id: gift.id,
            currency: gift.currency,
            amountInput: amountInputText(Number(gift.amount), gift.currency, intl),
            interval: gift.interval,
            coverFee: gift.feeCovered > 0n,
            paused: status === "paused",
            canChange: status !== "canceled" && status !== "incomplete",
          };
          const ids = { token, gift: view };
          return (
            <Card key={gift.id} title={figure(gift)} headingLevel={2}>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="gift-summary">
                <dt className="text-slate-600">{t("status")}</dt>
                <dd data-testid="gift-status">{t(`statuses.${status}`)}</dd>
                {status === "paused" && gift.pausedUntil ? (
                  <>
                    <dt className="text-slate-600">{t("resumes")}</dt>
                    <dd>{day(gift.pausedUntil)}</dd>
                  </>
                ) : null}
                {view.canChange && gift.currentPeriodEnd ? (
                  <>
                    <dt className="text-slate-600">{t("nextPayment")}</dt>
                    <dd>{day(gift.currentPeriodEnd)}</dd>
                  </>
                ) : null}
              </dl>
              {view.canChange ? (
                <div className="mt-6 grid gap-8">
                  {status === "past_due" ? (
                    <Alert tone="warning" title={t("pastDueTitle")}>
                      {t("pastDueBody")}
                    </Alert>
                  ) : null}
                  <section className="grid gap-3">
                    <h3 className="font-semibold">{t("amountAndFrequency")}</h3>
                    <ChangeGiftForm {...ids} requestId={randomUUID()} />
                  </section>
                  <section className="grid gap-3">
                    <h3 className="font-semibold">{t("paymentMethod")}</h3>
                    <PaymentMethodForm
                      locale={locale}
                      token={token}
                      giftId={gift.id}
                      requestId={randomUUID()}
                      stripe={stripe}
                      pastDue={status === "past_due"}
                    />
                  </section>
                  <section className="grid gap-3">
                    <h3 className="font-semibold">{view.paused ? t("pausedHeading") : t("takeABreak")}</h3>
                    {view.paused ? <ResumeForm {...ids} requestId={randomUUID()} /> : <PauseForm {...ids} requestId={randomUUID()} />}
                  </section>
                  <section className="grid gap-3">
                    <h3 className="font-semibold">{t("stopGiving")}</h3>
                    <CancelForm {...ids} requestId={randomUUID()} />
                  </section>
                </div>
              ) : (
                <p className="mt-4 text-sm text-slate-700">{t("ended")}</p>
              )}
            </Card>
          );
        })}
      </div>
    </IntlProvider>
  );
}

function RefusedLink({ locale, message, expired }: { locale: Locale; message: string; expired: boolean }) {
  const t = translator(locale, "manage");
  return (
    <IntlProvider locale={locale} messages={messagesFor(locale, ["manage"])} timeZone="UTC">
      <div className="mx-auto grid max-w-xl gap-6" lang={locale}>
        <h1 className="text-2xl font-bold">{expired ? t("expiredTitle") : t("brokenTitle")}</h1>
        {/* The refusal's own words (what is wrong with the link) are English; other languages say it plainly. */}
        <Alert tone="warning">{locale === "en" ? message : expired ? t("expiredBody") : t("brokenBody")}</Alert>
        <Card title={t("freshTitle")} description={t("freshBody")}>
          <RequestLinkForm />
        </Card>
      </div>
    </IntlProvider>
  );
}
