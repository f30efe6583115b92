// POST /api/donations, as logic: a pending donation and its PaymentIntent, a direct charge on the
// organisation's own Stripe account. Nothing is written unless the whole request is valid and
// Stripe accepted the PaymentIntent. Each step has its own file.
import "server-only";
import { createHash } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { offersGiftAid } from "@/lib/gift-aid/offers-gift-aid";
import { bankTransferInstructions, type BankTransferInstructions } from "./bank-transfer";
import { checkBankTransfer } from "./check-bank-transfer";
import { createDonationIntent } from "./create-donation-intent";
import { findOrCreateDonor } from "./find-or-create-donor";
import type { DonationFrequency, DonationRequest } from "./donation-request";
import { guardDonationAttempt } from "./guard-donation-attempt";
import { priceDonation } from "./price-donation";
import { replayDonation } from "./replay-donation";
import { fieldError, resolveDonationTarget } from "./resolve-donation-target";
import { checkRecurring, startRecurringDonation } from "./start-recurring-donation";
import { storeDonation } from "./store-donation";
import type { StripeClock } from "./stripe-clock";

export type CreatedDonation = {
  donationId: string;
  clientSecret: string;
  stripeAccount: string;
  amount: number;
  feeCovered: number;
  chargedAmount: number;
  currency: string;
  bankTransfer: BankTransferInstructions | null;
  /** `once`, or the interval of the recurring gift whose first installment this is. */
  frequency: DonationFrequency;
};

/** The same page retry (same Idempotency-Key) gets the same donation id, hence the same Stripe key. */
function donationIdFor(organisationId: string, idempotencyKey: string) {
  return `don_${createHash("sha256").update(`${organisationId}:${idempotencyKey}`).digest("base64url").slice(0, 24)}`;
}

export async function createDonation(
  request: DonationRequest,
  idempotencyKey: string,
  context: { clientAddress: string; clock: StripeClock },
): Promise<CreatedDonation> {
  const target = await resolveDonationTarget(request);
  if (request.giftAid && !offersGiftAid(target.organisation, request.currency)) {
    throw fieldError("giftAid", `Gift Aid is only for gifts in pounds (GBP) to UK charities: untick Gift Aid to give in ${request.currency}.`);
  }
  const donationId = donationIdFor(target.organisation.id, idempotencyKey);
  const existing = await db.donation.findUnique({ where: { id: donationId }, include: { donor: true, giftAidDeclaration: true } });
  checkRecurring(request, target.organisation);
  if (existing && Boolean(existing.recurringDonationId) !== (request.frequency !== "once")) {
    // A page retry that turns a one-off gift into a recurring one (or back) is a new gift, not this one.
    throw new ApiError("conflict", "This gift was already started with another frequency. Reload the page to start a new one.", { reason: "changed_retry" });
  }
  // Whether the account can receive this transfer comes before its price. A page retrying a transfer
  // it started gets its instructions even if the account has stopped taking new transfers since; a
  // retry that turns to a transfer, or changes its currency, is asked like a new attempt.
  if (!existing || existing.method !== "bank_transfer" || existing.currency !== request.currency) checkBankTransfer(request, target.organisation);
  const amounts = priceDonation(request, target.organisation);
  if (request.frequency !== "once") {
    if (!existing)
      await guardDonationAttempt(target.organisation.id, context.clientAddress, request.turnstileToken, request.locale ?? target.organisation.defaultLocale);
    return startRecurringDonation({ donationId, idempotencyKey, request, amounts, target }, context);
  }
  // A page retrying its own request (after a decline, perhaps with changes) is not a new attempt:
  // no limit counted again.
  if (existing) return replayDonation(existing, { request, amounts, target, clientAddress: context.clientAddress }, context.clock);
  await guardDonationAttempt(target.organisation.id, context.clientAddress, request.turnstileToken, request.locale ?? target.organisation.defaultLocale);

  const donor = await findOrCreateDonor(target.organisation.id, request.donor.email, request.donor.name || null);
  const intent = await createDonationIntent({ donationId, request, amounts, target, donor, donorName: request.donor.name || null }, context.clock);
  const bankTransfer = request.method === "bank_transfer" ? bankTransferInstructions(intent) : null;
  await storeDonation({ donationId, idempotencyKey, request, amounts, target, donor, intent, bankTransfer, clientAddress: context.clientAddress });
  return {
    donationId,
    clientSecret: String(intent.client_secret),
    stripeAccount: target.stripeAccount,
    amount: amounts.amount,
    feeCovered: amounts.feeCovered,
    chargedAmount: amounts.chargedAmount,
    currency: request.currency,
    bankTransfer,
    frequency: "once",
  };
}
