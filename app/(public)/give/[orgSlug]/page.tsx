import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { CampaignFacts } from "@/components/campaigns/campaign-facts";
import { CampaignProgress } from "@/components/donations/campaign-progress";
import { DonationForm } from "@/components/donations/donation-form";
import { EmbeddedPage } from "@/components/embed/embedded-page";
import { loadGivePage } from "@/lib/donations/give-page";
import { embedContextFor } from "@/lib/embed/embed-context-for";
import { initialAmountText } from "@/lib/embed/initial-amount";
import { getEnv } from "@/lib/env";
import { StoryMarkdown } from "@/lib/campaigns/story-markdown";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";
import { imageUrl } from "@/lib/images/image-url";

type Props = {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ fund?: string; campaign?: string; amount?: string; frequency?: string; embed?: string; return_to?: string }>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = await loadGivePage((await params).orgSlug, await searchParams);
  return { title: page ? `Give to ${page.organisation.name}` : "Donation page" };
}

/** "2026-12-01" as "1 December 2026". */
const formatDay = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** The hosted donation page: server-rendered, with the payment form as its one client island. */
export default async function GivePage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const selected = await searchParams;
  const page = await loadGivePage(orgSlug, selected);
  if (!page || page.unknownSelection) notFound();
  const { organisation, campaign, fund, timing } = page;
  const env = getEnv();
  const embed = await embedContextFor(organisation.slug, selected);
  const defaultCurrency = organisation.acceptedCurrencies.includes(organisation.defaultCurrency)
    ? organisation.defaultCurrency
    : (organisation.acceptedCurrencies[0] ?? "EUR");
  // The story and picture: the campaign's, or on the general page the organisation's own.
  const story = campaign ? campaign.description : fund ? fund.description : organisation.story;
  const picture = campaign ? campaign.image : fund ? null : organisation.storyImage;
  const takingGifts = page.open && organisation.stripeAccountId && (!timing || timing.state === "running");

  return (
    <EmbeddedPage context={embed}>
      <div className="mx-auto grid max-w-2xl gap-6">
        <header className="grid gap-2">
          {organisation.logoImage ? (
            // Uploaded to Amply, re-encoded to fit 512x512 and served immutable from Amply's own origin.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={imageUrl(organisation.logoImage.id)}
              width={organisation.logoImage.width}
              height={organisation.logoImage.height}
              alt={`${organisation.name} logo`}
              className="h-14 w-auto self-start"
            />
          ) : null}
          <p className="text-sm font-semibold uppercase tracking-wide text-teal-800">{organisation.name}</p>
          <h1 className="text-3xl font-bold tracking-tight">{campaign ? campaign.name : fund ? `Give to ${fund.name}` : `Give to ${organisation.name}`}</h1>
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
            <CampaignProgress key={bar.currency} bar={bar} />
          ))}
          {campaign && timing && timing.state !== "ended" ? <CampaignFacts donors={page.donors} timing={timing} /> : null}
        </header>

        {campaign && timing?.state === "ended" ? (
          <section className="grid gap-2 rounded-xl bg-white p-6 ring-1 ring-slate-200" data-testid="campaign-ended">
            <h2 className="text-xl font-semibold">This campaign has ended</h2>
            <p className="text-slate-700">
              Thank you to the {page.donors.toLocaleString("en-GB")} {page.donors === 1 ? "donor" : "donors"} who gave. You can still support{" "}
              {organisation.name}.
            </p>
            <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
              Give to {organisation.name}
            </Link>
          </section>
        ) : campaign && timing?.state === "not_started" ? (
          <section className="grid gap-2 rounded-xl bg-white p-6 ring-1 ring-slate-200" data-testid="campaign-not-started">
            <h2 className="text-xl font-semibold">This campaign opens on {formatDay(timing.startsOn)}</h2>
            <p className="text-slate-700">Come back then, or give to {organisation.name}&apos;s general work now.</p>
            <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
              Give to {organisation.name}
            </Link>
          </section>
        ) : takingGifts && organisation.stripeAccountId ? (
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6" aria-label="Donation form">
            <DonationForm
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
              initialAmountText={initialAmountText(selected.amount, defaultCurrency)}
              initialFrequency={selected.frequency}
            />
          </section>
        ) : (
          <section className="grid gap-2 rounded-xl bg-white p-6 ring-1 ring-slate-200" data-testid="donations-closed">
            <h2 className="text-xl font-semibold">{organisation.name} cannot take donations right now</h2>
            <p className="text-slate-700">
              Please come back later. To give another way, write to{" "}
              <a href={`mailto:${organisation.email}`} className="font-semibold text-teal-800 underline">
                {organisation.email}
              </a>
              .
            </p>
          </section>
        )}
        <p className="text-center text-xs text-slate-500">Payments go directly to {organisation.name}&apos;s Stripe account. Amply takes no fee.</p>
      </div>
    </EmbeddedPage>
  );
}
