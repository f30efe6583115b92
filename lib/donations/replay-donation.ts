// A page retrying its own request (same Idempotency-Key) gets the donation it already started,
// as long as it asks for the same thing.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { donorFacingStripeError } from "@/lib/stripe/errors";
import { retrievePaymentIntent } from "@/lib/stripe/retrieve-payment-intent";
import type { BankTransferInstructions } from "./bank-transfer";
import type { CreatedDonation } from "./create-donation";
import type { DonationRequest } from "./donation-request";
import type { StripeClock } from "./stripe-clock";

type Existing = {
  id: string;
  amount: bigint;
  chargedAmount: bigint;
  feeCovered: bigint;
  currency: string;
  method: string;
  paymentMethodType: string | null;
  stripePaymentIntentId: string | null;
  stripeAccountId: string | null;
  donor: { email: string } | null;
  bankTransfer: Prisma.JsonValue;
};

export async function replayDonation(
  existing: Existing,
  request: DonationRequest,
  chargedAmount: number,
  stripeAccount: string,
  clock: StripeClock,
): Promise<CreatedDonation> {
  const same =
    existing.amount === BigInt(request.amount) &&
    existing.chargedAmount === BigInt(chargedAmount) &&
    existing.currency === request.currency &&
    existing.method === request.method &&
    (request.method === "bank_transfer" || existing.paymentMethodType === request.paymentMethodType) &&
    existing.donor?.email === request.donor.email;
  if (!same || !existing.stripePaymentIntentId) {
    throw new ApiError("conflict", "This donation was already started with other details. Reload the page to start again.");
  }
  const intentId = existing.stripePaymentIntentId;
  // The account the donation was started on (the organisation may have reconnected another since).
  const account = existing.stripeAccountId ?? stripeAccount;
  const intent = await clock
    .time(() => retrievePaymentIntent(account, intentId))
    .catch((error: unknown) => {
      throw donorFacingStripeError(error, request.currency);
    });
  return {
    donationId: existing.id,
    clientSecret: String(intent.client_secret),
    stripeAccount: account,
    amount: Number(existing.amount),
    feeCovered: Number(existing.feeCovered),
    chargedAmount: Number(existing.chargedAmount),
    currency: existing.currency,
    bankTransfer: (existing.bankTransfer ?? null) as BankTransferInstructions | null,
  };
}
