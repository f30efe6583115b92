import "server-only";
import { toDecimalString } from "@/lib/money/amount";
import { dayIn } from "@/lib/organisations/time-zone";
import { organisationTimeZone } from "./calendar";

type Organisation = { id: string; acceptedCurrencies: string[]; timeZone: string };
type SavedCampaign = {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  fundId: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  imageId: string | null;
  currencies: Array<{ currency: string; goalAmount: bigint | null; suggestedAmounts: bigint[] }>;
};

/** A campaign (or a new one) as the campaign form's text: dates as calendar days, amounts as decimals. */
export function campaignFormValues(organisation: Organisation, campaign: SavedCampaign | null, imageUrl: (id: string) => string) {
  const zone = organisationTimeZone(organisation);
  const codes = [...new Set([...organisation.acceptedCurrencies, ...(campaign?.currencies.map((row) => row.currency) ?? [])])];
  return {
    organisationId: organisation.id,
    campaignId: campaign?.id,
    name: campaign?.name ?? "",
    slug: campaign?.slug ?? "",
    story: campaign?.description ?? "",
    fundId: campaign?.fundId ?? "",
    startsOn: campaign?.startsAt ? dayIn(campaign.startsAt, zone) : "",
    // The end is stored as the start of the day after the last day.
    endsOn: campaign?.endsAt ? dayIn(new Date(campaign.endsAt.getTime() - 1), zone) : "",
    timeZone: zone,
    currencies: codes.map((currency) => {
      const row = campaign?.currencies.find((saved) => saved.currency === currency);
      return {
        currency,
        goal: row?.goalAmount ? toDecimalString(row.goalAmount, currency) : "",
        suggested: (row?.suggestedAmounts ?? []).map((amount) => toDecimalString(amount, currency)).join(" "),
      };
    }),
    image: campaign?.imageId ? { url: imageUrl(campaign.imageId) } : null,
  };
}
