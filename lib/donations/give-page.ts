import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { bankTransferCurrencies } from "./bank-transfer";
import { transferAccountOf } from "./check-bank-transfer";
import { isSlug } from "@/lib/http/slug";
import { readAccountIfUnknown } from "@/lib/organisations/read-account-if-unknown";

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
        logoImage: { select: { id: true, width: true, height: true } },
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
        campaigns: {
          where: { active: true },
          select: { id: true, slug: true, name: true, description: true, goalAmount: true, goalCurrency: true, fundId: true },
        },
      },
    });
  let organisation = await find();
  if (organisation && (await readAccountIfUnknown(organisation))) organisation = await find();
  if (!organisation) return null;
  const campaign = selected.campaign ? (organisation.campaigns.find((c) => c.slug === selected.campaign) ?? null) : null;
  const fund = selected.fund ? (organisation.funds.find((f) => f.slug === selected.fund) ?? null) : null;
  let raised: bigint | null = null;
  if (campaign?.goalAmount && campaign.goalCurrency) {
    // Progress in the goal's currency: gifts in other currencies are not converted into it.
    const sum = await db.donation.aggregate({
      _sum: { amount: true, refundedAmount: true },
      where: { campaignId: campaign.id, currency: campaign.goalCurrency, status: { in: ["succeeded", "partially_refunded", "disputed"] } },
    });
    raised = (sum._sum.amount ?? 0n) - (sum._sum.refundedAmount ?? 0n);
  }
  return {
    organisation,
    open: Boolean(organisation.stripeAccountId && organisation.stripeChargesEnabled),
    bankTransferCurrencies: bankTransferCurrencies(transferAccountOf(organisation)),
    fund,
    campaign,
    raised,
    unknownSelection: (selected.fund && !fund) || (selected.campaign && !campaign),
  };
});
