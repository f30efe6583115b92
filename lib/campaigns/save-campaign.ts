import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { storeImage } from "@/lib/images/store-image";
import { startOfDay } from "@/lib/organisations/time-zone";
import { organisationTimeZone } from "./calendar";
import type { CampaignInput } from "./campaign-input";

type Organisation = { id: string; acceptedCurrencies: string[]; timeZone: string };

const fieldError = (name: string, message: string) => new ApiError("validation_failed", "Some fields need your attention.", { fields: { [name]: [message] } });

/** The day after `date` ("YYYY-MM-DD"): a campaign's end is the start of the day after its last. */
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * What needs the organisation: currencies it accepts, and a fund of its own that is open (or the one
 * the campaign already collects for, archived since: editing the campaign must not force a change).
 */
async function checkAgainstOrganisation(tx: Tx, organisation: Organisation, input: CampaignInput, campaignId: string | null) {
  for (const { currency } of input.currencies) {
    if (!organisation.acceptedCurrencies.includes(currency)) {
      throw fieldError(`goal.${currency}`, `You do not accept ${currency}. Add it in Settings first, or leave its goal and amounts empty.`);
    }
  }
  if (input.fundId) {
    const fund = await tx.fund.findFirst({
      where: {
        id: input.fundId,
        organisationId: organisation.id,
        OR: [{ active: true }, ...(campaignId ? [{ campaigns: { some: { id: campaignId } } }] : [])],
      },
      select: { id: true },
    });
    if (!fund) throw fieldError("fundId", "Choose one of your open funds, or none.");
  }
}

/**
 * Create a campaign (without `campaignId`) or change one of this organisation's, in one transaction:
 * its fields, its goals and suggested amounts per currency (replaced as a whole), and its picture (a
 * new one replaces the old row, which is deleted). Nothing is written when anything is refused.
 */
export async function saveCampaign(organisation: Organisation, input: CampaignInput & { campaignId?: string }) {
  const zone = organisationTimeZone(organisation);
  const fields = {
    name: input.name,
    slug: input.slug,
    description: input.story,
    fundId: input.fundId,
    startsAt: input.startsOn ? startOfDay(input.startsOn, zone) : null,
    endsAt: input.endsOn ? startOfDay(nextDay(input.endsOn), zone) : null,
  };
  const currencies = input.currencies.map(({ currency, goalAmount, suggestedAmounts }) => ({ currency, goalAmount, suggestedAmounts }));
  try {
    return await db.$transaction(async (tx) => {
      // The row locked: two edits replacing the picture at once each delete the picture the other
      // left, never the same one twice.
      const [current] = input.campaignId
        ? await tx.$queryRaw<Array<{ id: string; imageId: string | null }>>`
            SELECT id, "imageId" FROM "Campaign" WHERE id = ${input.campaignId} AND "organisationId" = ${organisation.id} FOR UPDATE`
        : [];
      if (input.campaignId && !current) throw new ApiError("not_found", "That campaign does not exist (any more).");
      await checkAgainstOrganisation(tx, organisation, input, current?.id ?? null);
      const image = input.image ? await storeImage(tx, organisation.id, "campaign", input.image) : null;
      const imageField = input.image === undefined ? {} : { imageId: image?.id ?? null };
      const saved = current
        ? await tx.campaign.update({
            where: { id: current.id },
            data: { ...fields, ...imageField, currencies: { deleteMany: {}, create: currencies } },
            select: { id: true, slug: true },
          })
        : await tx.campaign.create({
            data: { organisationId: organisation.id, ...fields, ...imageField, currencies: { create: currencies } },
            select: { id: true, slug: true },
          });
      if (current?.imageId && input.image !== undefined) await tx.image.delete({ where: { id: current.imageId } });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("slug", "Another campaign of yours has that address; choose another.");
    throw error;
  }
}
