// Step 1 of a donation: the organisation, fund and campaign the request names, and whether the
// organisation can take donations at all.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { campaignTiming, organisationTimeZone } from "@/lib/campaigns/calendar";
import { DEFAULT_LOCALE, intlLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { readAccountIfUnknown } from "@/lib/organisations/read-account-if-unknown";
import type { DonationRequest } from "./donation-request";

export const fieldError = (name: string, message: string, code: "validation_failed" | "not_found" = "validation_failed") =>
  new ApiError(code, message, { fields: { [name]: [message] } });

export type DonationTarget = Awaited<ReturnType<typeof resolveDonationTarget>>;

export async function resolveDonationTarget(request: DonationRequest) {
  const find = () => db.organisation.findUnique({ where: { slug: request.organisation }, include: { feeRates: true } });
  let organisation = await find();
  if (organisation && (await readAccountIfUnknown(organisation))) organisation = await find();
  // The donor reads these refusals on the donation page: in the language it sent (else the organisation's).
  if (!organisation) throw fieldError("organisation", translator(request.locale ?? DEFAULT_LOCALE, "give")("refusals.organisationMissing"), "not_found");
  const locale = request.locale ?? organisation.defaultLocale;
  const t = translator(locale, "give");
  if (!organisation.stripeAccountId || !organisation.stripeChargesEnabled) {
    throw new ApiError("conflict", t("refusals.closed", { organisation: organisation.name, email: organisation.email }));
  }
  const [fund, campaign] = await Promise.all([
    request.fund ? db.fund.findUnique({ where: { organisationId_slug: { organisationId: organisation.id, slug: request.fund } } }) : null,
    request.campaign ? db.campaign.findUnique({ where: { organisationId_slug: { organisationId: organisation.id, slug: request.campaign } } }) : null,
  ]);
  if (request.fund && !fund?.active) throw fieldError("fund", t("refusals.fundMissing"));
  if (request.campaign && !campaign) throw fieldError("campaign", t("refusals.campaignMissing"));
  if (campaign) {
    const timing = campaignTiming(campaign, new Date(), organisationTimeZone(organisation));
    if (timing.state === "ended") throw fieldError("campaign", t("refusals.campaignEnded", { campaign: campaign.name, organisation: organisation.name }));
    if (timing.state === "not_started") {
      // A calendar day ("2026-12-01"), written as the language writes it.
      const date = new Date(`${timing.startsOn}T00:00:00Z`).toLocaleDateString(intlLocale(locale), {
        timeZone: "UTC",
        day: "numeric",
        month: "long",
        year: "numeric",
      });
      throw fieldError("campaign", t("refusals.campaignNotStarted", { campaign: campaign.name, date }));
    }
  }
  return { organisation, stripeAccount: organisation.stripeAccountId, fund, campaign };
}
