import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import Link from "next/link";
import { CampaignFacts } from "@/components/campaigns/campaign-facts";
import { CampaignProgress } from "@/components/donations/campaign-progress";
import { amountInputText } from "@/components/donations/donation-figures";
import { DonationForm } from "@/components/donations/donation-form";
import { LanguageSwitcher, withLang } from "@/components/donations/language-switcher";
import { EmbeddedPage } from "@/components/embed/embedded-page";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { organisationTimeZone } from "@/lib/campaigns/calendar";
import { chooseLocale } from "@/lib/i18n/choose-locale";
import { intlLocale, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { translator } from "@/lib/i18n/translator";
import { loadGivePage } from "@/lib/donations/give-page";
import { embedContextFor } from "@/lib/embed/embed-context-for";
import { initialAmountMinor } from "@/lib/embed/initial-amount";
import { getEnv } from "@/lib/env";
import { StoryMarkdown } from "@/lib/campaigns/story-markdown";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";
import { imageUrl } from "@/lib/images/image-url";
import { mailLink } from "@/components/i18n/mail-link";

type Props = {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{
    fund?: string;
    campaign?: string;
    amount?: string;
    frequency?: string;
    embed?: string;
    return_to?: string;
    lang?: string;
  }>;
};

/** The page's language: the address's `?lang=`, the browser's, the organisation's (lib/i18n/choose-locale.ts). */
async function pageLocale(lang: string | undefined, organisationDefault: string | undefined): Promise<Locale> {
  return chooseLocale({ lang, acceptLanguage: (await headers()).get("accept-language"), organisationDefault });
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const selected = await searchParams;
  const page = await loadGivePage((await params).orgSlug, selected);
  const t = translator(await pageLocale(selected.lang, page?.organisation.defaultLocale), "common");
  return { title: page ? t("giveTo", { organisation: page.organisation.name }) : t("donationPage") };
}

/** A calendar day ("2026-12-01") as the language writes it: "1 December 2026", "1. Dezember 2026". */
const formatDay = (date: string, locale: Locale) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString(intlLocale(locale), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** The hosted donation page: server-rendered, with the payment form as its one client island. */
export default async function GivePage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const selected = await searchParams;
  const page = await loadGivePage(orgSlug, selected);
  if (!page || page.unknownSelection) notFound();
  const { organisation, campaign, fund, timing } = page;
  const locale = await pageLocale(selected.lang, organisation.defaultLocale);
  const t = translator(locale, "give");
  const common = translator(locale, "common");
  const env = getEnv();
  const embed = await embedContextFor(organisation.slug, selected);
  const defaultCurrency = organisation.acceptedCurrencies.includes(organisation.defaultCurrency)
    ? organisation.defaultCurrency
    : (organisation.acceptedCurrencies[0] ?? "EUR");
  // The story and picture: the campaign's, or on the general page the organisation's own.
  const story = campaign ? campaign.description : fund ? fund.description : organisation.story;
  const picture = campaign ? campaign.image : fund ? null : organisation.storyImage;
  // Links to the organisation's general page keep the donor's language when they chose one.
  const generalPage = selected.lang ? withLang(`/give/${organisation.slug}`, {}, locale) : `/give/${organisation.slug}`;
  const initialAmount = initialAmountMinor(selected.amount, defaultCurrency);
  const takingGifts = page.open && organisation.stripeAccountId && (!timing || timing.state === "running");

  return (
    <EmbeddedPage context={embed}>
      {/* The root layout's <html lang> is shared by every page: this page's own words carry theirs. */}
      <div className="mx-auto grid max-w-2xl gap-6" lang={locale}>
        <LanguageSwitcher
          current={locale}
          path={`/give/${organisation.slug}`}
          query={selected}
          label={common("language")}
          currentLabel={(language) => t("page.currentLanguage", { language })}
        />
        <header className="grid gap-2">
          {organisation.logoImage ? (
            // Uploaded to Amply, re-encoded to fit 512x512 and served immutable from Amply's own origin.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={imageUrl(organisation.logoImage.id)}
              width={organisation.logoImage.width}
              height={organisation.logoImage.height}
              alt={t("page.logoAlt", { organisation: organisation.name })}
              className="h-14 w-auto self-start"
            />
          ) : null}
          <p className="text-sm font-semibold uppercase tracking-wide text-teal-800">{organisation.name}</p>
          <h1 className="text-3xl font-bold tracking-tight">
            {campaign ? campaign.name : common("giveTo", { organisation: fund ? fund.name : organisation.name })}
          </h1>
          {picture ? (
            // Uploaded to Amply, re-encoded to fit 1200x1200 and served immutable from Amply's own origin.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={imageUrl(picture.id)} width={picture.width} height={picture.height} alt="" className="h-auto w-full rounded-xl" />
          ) : null}
          {story ? (
            <div
              className="grid gap-3 text-slate-800 [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
              data-testid="story"
            >
              <StoryMarkdown markdown={story} />
            </div>
          ) : null}
          {page.goals.map((bar) => (
            <CampaignProgress key={bar.currency} bar={bar} locale={locale} />
          ))}
          {campaign && timing && timing.state !== "ended" ? <CampaignFacts donors={page.donors} timing={timing} locale={locale} /> : null}
        </header>

        {campaign && timing?.state === "ended" ? (
          <section className="grid gap-2 rounded-xl bg-white p-6 ring-1 ring-slate-200" data-testid="campaign-ended">
            <h2 className="text-xl font-semibold">{t("page.endedTitle")}</h2>
            <p className="text-slate-700">{t("page.endedBody", { donors: page.donors, organisation: organisation.name })}</p>
            <Link href={generalPage} className="font-semibold text-teal-800 underline">
              {common("giveTo", { organisation: organisation.name })}
            </Link>
          </section>
        ) : campaign && timing?.state === "not_started" ? (
          <section className="grid gap-2 rounded-xl bg-white p-6 ring-1 ring-slate-200" data-testid="campaign-not-started">
            <h2 className="text-xl font-semibold">{t("page.notStartedTitle", { date: formatDay(timing.startsOn, locale) })}</h2>
            <p className="text-slate-700">{t("page.notStartedBody", { organisation: organisation.name })}</p>
            <Link href={generalPage} className="font-semibold text-teal-800 underline">
              {common("giveTo", { organisation: organisation.name })}
            </Link>
          </section>
        ) : takingGifts && organisation.stripeAccountId ? (
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6" aria-label={t("page.formLabel")}>
            <IntlProvider locale={locale} messages={messagesFor(locale, ["give"])} timeZone={organisationTimeZone(organisation)}>
              <DonationForm
                locale={locale}
                organisation={{
                  slug: organisation.slug,
                  name: organisation.name,
                  defaultCurrency,
                  acceptedCurrencies: organisation.acceptedCurrencies,
                  feeRates: organisation.feeRates,
                  bankTransferCurrencies: page.bankTransferCurrencies,
                  giftAid: isUkOrganisation(organisation),
                  recurringIntervals: organisation.recurringIntervals,
                }}
                fixedFund={fund?.slug ?? null}
                fixedCampaign={campaign?.slug ?? null}
                funds={organisation.funds.map(({ slug, name }) => ({ slug, name }))}
                suggestedAmounts={page.suggestedAmounts}
                stripe={{ publishableKey: env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY, scriptUrl: env.STRIPE_JS_URL, account: organisation.stripeAccountId }}
                turnstileSiteKey={env.TURNSTILE_SITE_KEY}
                initialAmountText={initialAmount === undefined ? undefined : amountInputText(initialAmount, defaultCurrency, intlLocale(locale))}
                initialFrequency={selected.frequency}
              />
            </IntlProvider>
          </section>
        ) : (
          <section className="grid gap-2 rounded-xl bg-white p-6 ring-1 ring-slate-200" data-testid="donations-closed">
            <h2 className="text-xl font-semibold">{t("page.closedTitle", { organisation: organisation.name })}</h2>
            <p className="text-slate-700">{t.rich("page.closedBody", { email: organisation.email, mail: mailLink(organisation.email) })}</p>
          </section>
        )}
        <p className="text-center text-xs text-slate-500">{t("page.footer", { organisation: organisation.name })}</p>
      </div>
    </EmbeddedPage>
  );
}
