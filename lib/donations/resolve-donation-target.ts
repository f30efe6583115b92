// Step 1 of a donation: the organisation, fund and campaign the request names, and whether the
// organisation can take donations at all.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { campaignTiming, organisationTimeZone } from "@/lib/campaigns/calendar";
import { readAccountIfUnknown } from "@/lib/organisations/read-account-if-unknown";
import type { DonationRequest } from "./donation-request";

export const fieldError = (name: string, message: string, code: "validation_failed" | "not_found" = "validation_failed") =>
  new ApiError(code, message, { fields: { [name]: [message] } });

export type DonationTarget = Awaited<ReturnType<typeof resolveDonationTarget>>;

export async function resolveDonationTarget(request: DonationRequest) {
  const find = () => db.organisation.findUnique({ where: { slug: request.organisation }, include: { feeRates: true } });
  let organisation = await find();
  if (organisation && (await readAccountIfUnknown(organisation))) organisation = await find();
  if (!organisation) throw fieldError("organisation", "This organisation does not exist. Check the address of the donation page.", "not_found");
  if (!organisation.stripeAccountId || !organisation.stripeChargesEnabled) {
    throw new ApiError("conflict", `${organisation.name} cannot take donations right now. Please try again later, or contact them at ${organisation.email}.`);
  }
  const [fund, campaign] = await Promise.all([
    request.fund ? db.fund.findUnique({ where: { organisationId_slug: { organisationId: organisation.id, slug: request.fund } } }) : null,
    request.campaign ? db.campaign.findUnique({ where: { organisationId_slug: { organisationId: organisation.id, slug: request.campaign } } }) : null,
  ]);
  if (request.fund && !fund?.active)
    throw fieldError("fund", "That fund does not exist (any more). Choose another, or give to the organisation's general work.");
  if (request.campaign && !campaign) throw fieldError("campaign", "That campaign does not exist (any more).");
  if (campaign) {
    const timing = campaignTiming(campaign, new Date(), organisationTimeZone(organisation));
    if (timing.state === "ended")
      throw fieldError("campaign", `${campaign.name} has ended. Thank you: you can still give to ${organisation.name}'s general work.`);
    if (timing.state === "not_started") throw fieldError("campaign", `${campaign.name} has not started yet: it opens on ${timing.startsOn}.`);
  }
  return { organisation, stripeAccount: organisation.stripeAccountId, fund, campaign };
}
