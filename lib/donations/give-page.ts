import "server-only";
import { cache } from "react";
import { campaignTiming, organisationTimeZone } from "@/lib/campaigns/calendar";
import { campaignTotals } from "@/lib/campaigns/campaign-totals";
import { goalProgress } from "@/lib/campaigns/goal-progress";
import { db } from "@/lib/db/client";
import { bankTransferCurrencies } from "./bank-transfer";
import { transferAccountOf } from "./check-bank-transfer";
import { isSlug } from "@/lib/http/slug";
import { readAccountIfUnknown } from "@/lib/organisations/read-account-if-unknown";

const imageSelect = { select: { id: true, width: true, height: true } } as const;

/** What the hosted donation page needs of an organisation, in as few queries as it can. */
export const loadGivePage = cache(async (slug: string, selected: { fund?: string; campaign?: string }) => {
  if (!isSlug(slug)) return null;
  const find = () =>
    db.organisation.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        name: true,
        email: true,
        websiteUrl: true,
        timeZone: true,
        defaultLocale: true,
        story: true,
        logoImage: imageSelect,
        storyImage: imageSelect,
        country: true,
        defaultCurrency: true,
        acceptedCurrencies: true,
        stripeAccountId: true,
        stripeChargesEnabled: true,
        stripeAccountCountry: true,
        stripeCapabilities: true,
        recurringIntervals: true,
        feeRates: { select: { currency: true, family: true, percentBps: true, fixedMinor: true, capMinor: true } },
        funds: { where: { active: true }, select: { slug: true, name: true, description: true }, orderBy: { createdAt: "asc" } },
      },
    });
  let organisation = await find();
  if (organisation && (await readAccountIfUnknown(organisation))) organisation = await find();
  if (!organisation) return null;
  // An archived campaign still has its page: it says the campaign has ended.
  const campaign =
    selected.campaign && isSlug(selected.campaign)
      ? await db.campaign.findUnique({
          where: { organisationId_slug: { organisationId: organisation.id, slug: selected.campaign } },
          select: {
            id: true,
            slug: true,
            name: true,
            description: true,
            startsAt: true,
            endsAt: true,
            active: true,
            image: imageSelect,
            currencies: { select: { currency: true, goalAmount: true, suggestedAmounts: true }, orderBy: { currency: "asc" } },
          },
        })
      : null;
  const fund = selected.fund ? (organisation.funds.find((f) => f.slug === selected.fund) ?? null) : null;
  const totals = campaign ? await campaignTotals(organisation.id, campaign.id) : null;
  return {
    organisation,
    open: Boolean(organisation.stripeAccountId && organisation.stripeChargesEnabled),
    bankTransferCurrencies: bankTransferCurrencies(transferAccountOf(organisation)),
    fund,
    campaign,
    timing: campaign ? campaignTiming(campaign, new Date(), organisationTimeZone(organisation)) : null,
    goals: campaign && totals ? goalProgress(campaign.currencies, totals.raised) : [],
    donors: totals?.donors ?? 0,
    /** The campaign's own suggested amounts, per currency, in minor units (the page's defaults elsewhere). */
    suggestedAmounts: Object.fromEntries(
      (campaign?.currencies ?? []).filter((row) => row.suggestedAmounts.length).map((row) => [row.currency, row.suggestedAmounts.map(Number)]),
    ),
    unknownSelection: (selected.fund && !fund) || (selected.campaign && !campaign),
  };
});
