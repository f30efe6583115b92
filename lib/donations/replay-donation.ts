// A page sending its own request again (same Idempotency-Key) gets the donation it already started.
// The page keeps one key until the gift is paid, so a retry after a decline comes here too, often
// with something changed (another name, "Give anonymously", an edited message, a new amount): the
// one donation takes every change, and so does its PaymentIntent, updated where Stripe allows it and
// replaced where it does not. Once the payment is processing or paid, nothing changes any more.
import "server-only";
import type Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { Prisma, type Donation, type Donor, type GiftAidDeclaration } from "@/lib/db/generated/client.ts";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { declarationData, sameDeclaration } from "@/lib/gift-aid/declaration-data";
import { allowAnonymousEmail } from "@/lib/rate-limit/email-limits";
import { cancelPaymentIntent } from "@/lib/stripe/cancel-payment-intent";
import { donorFacingStripeError } from "@/lib/stripe/errors";
import { retrievePaymentIntent } from "@/lib/stripe/retrieve-payment-intent";
import { updatePaymentIntent } from "@/lib/stripe/update-payment-intent";
import { bankTransferEmail } from "@/lib/email/bank-transfer-email";
import { bankTransferInstructions, type BankTransferInstructions } from "./bank-transfer";
import type { CreatedDonation } from "./create-donation";
import { createDonationIntent, donationIntentMetadata } from "./create-donation-intent";
import type { DonationRequest } from "./donation-request";
import { findOrCreateDonor } from "./find-or-create-donor";
import type { DonationAmounts } from "./price-donation";
import type { DonationTarget } from "./resolve-donation-target";
import type { StripeClock } from "./stripe-clock";

type Existing = Donation & { donor: Donor | null; giftAidDeclaration: GiftAidDeclaration | null };

/** Stripe changes the amount and currency of these only (and the donor can still pay them). */
const CHANGEABLE: ReadonlyArray<Stripe.PaymentIntent.Status> = ["requires_payment_method", "requires_confirmation", "requires_action"];

export async function replayDonation(
  existing: Existing,
  input: { request: DonationRequest; amounts: DonationAmounts; target: DonationTarget; clientAddress: string },
  clock: StripeClock,
): Promise<CreatedDonation> {
  const { request, amounts, target } = input;
  const intentId = existing.stripePaymentIntentId;
  if (!intentId) throw new ApiError("conflict", "This donation was already started with other details. Reload the page to start again.");
  // The account the donation was started on (the organisation may have reconnected another since).
  const account = existing.stripeAccountId ?? target.stripeAccount;
  const stripeCall = <T>(call: () => Promise<T>) =>
    clock.time(call).catch((error: unknown) => {
      throw donorFacingStripeError(error, request.currency);
    });
  const intent = await stripeCall(() => retrievePaymentIntent(account, intentId));

  const wanted = {
    donorName: request.donor.name || null,
    anonymous: request.anonymous,
    dedication: request.dedication || null,
    amount: BigInt(amounts.amount),
    feeCovered: BigInt(amounts.feeCovered),
    chargedAmount: BigInt(amounts.chargedAmount),
    currency: request.currency,
    method: request.method,
    paymentMethodType: request.method === "bank_transfer" ? "customer_balance" : request.paymentMethodType,
    fundId: target.fund?.id ?? target.campaign?.fundId ?? null,
    campaignId: target.campaign?.id ?? null,
  };
  const unchanged =
    existing.donor?.email === request.donor.email &&
    (Object.keys(wanted) as Array<keyof typeof wanted>).every((field) => existing[field] === wanted[field]) &&
    sameDeclaration(existing.giftAidDeclaration, request.giftAid, existing.donorId ?? "");
  if (unchanged) return answer(existing, intent, account, readBankTransfer(existing.bankTransfer));
  if (!CHANGEABLE.includes(intent.status) && intent.status !== "canceled") {
    throw new ApiError(
      "conflict",
      intent.status === "succeeded"
        ? "This donation has already been paid, so it can no longer be changed. Reload the page to give again."
        : "This donation's payment is already on its way, so it can no longer be changed. Reload the page to give again.",
    );
  }

  const donor =
    existing.donor && existing.donor.email === request.donor.email
      ? existing.donor
      : await findOrCreateDonor(target.organisation.id, request.donor.email, wanted.donorName);
  // A bank transfer's PaymentIntent is confirmed at once and tied to the donor's customer, and a card
  // PaymentIntent cannot become one; a PaymentIntent is restricted to the one method whose fee the
  // donor saw (docs/stripe.md#fees-per-payment-method): a change of method, or of a transfer's
  // amount, currency or donor, needs a new PaymentIntent. A currency change is taken only before a
  // payment method is attached.
  const chargeChanged = intent.amount !== amounts.chargedAmount || intent.currency !== request.currency.toLowerCase();
  const replace =
    intent.status === "canceled" ||
    existing.method !== request.method ||
    existing.paymentMethodType !== wanted.paymentMethodType ||
    (request.method === "bank_transfer" && (chargeChanged || donor.id !== existing.donorId)) ||
    (intent.currency !== request.currency.toLowerCase() && intent.status !== "requires_payment_method");

  let next = intent;
  if (replace) {
    if (intent.status !== "canceled") await stripeCall(() => cancelPaymentIntent(account, intent.id, "requested_by_customer"));
    next = await createDonationIntent(
      // One replacement per PaymentIntent replaced: the same retry sent twice finds the same one.
      { donationId: existing.id, request, amounts, target, donor, donorName: wanted.donorName, idempotencyKey: `${existing.id}:intent:after:${intent.id}` },
      clock,
    );
  } else {
    const metadata = donationIntentMetadata(existing.id, request, target, donor);
    // Stripe merges metadata: a key no longer wanted is removed by sending it empty.
    for (const key of Object.keys(intent.metadata)) metadata[key] ??= "";
    next = await stripeCall(() =>
      updatePaymentIntent(account, intent.id, {
        amount: amounts.chargedAmount,
        ...(intent.currency !== request.currency.toLowerCase() ? { currency: request.currency.toLowerCase() } : {}),
        metadata,
      }),
    );
  }

  const stripeAccountId = replace ? target.stripeAccount : account;
  const bankTransfer = request.method === "bank_transfer" ? (replace ? bankTransferInstructions(next) : readBankTransfer(existing.bankTransfer)) : null;
  const email =
    replace && bankTransfer && (await allowAnonymousEmail(donor.email, input.clientAddress))
      ? bankTransferEmail(target.organisation.name, bankTransfer, request.locale ?? target.organisation.defaultLocale)
      : null;
  await db.$transaction(async (tx) => {
    // A changed Gift Aid declaration is a new one (a declaration is never edited); the one it
    // replaces, or the one the donor unticked, no longer covers anything.
    const keepDeclaration = sameDeclaration(existing.giftAidDeclaration, request.giftAid, donor.id);
    const declaration = keepDeclaration
      ? existing.giftAidDeclaration
      : request.giftAid
        ? await tx.giftAidDeclaration.create({ data: declarationData(request.giftAid, target.organisation.id, donor.id) })
        : null;
    if (!keepDeclaration && existing.giftAidDeclaration) {
      await tx.giftAidDeclaration.update({ where: { id: existing.giftAidDeclaration.id }, data: { cancelledAt: new Date() } });
    }
    // Another retry of the same page replaced the PaymentIntent meanwhile: the donor reloads and sees.
    const { count } = await tx.donation.updateMany({
      where: { id: existing.id, stripePaymentIntentId: intent.id },
      data: {
        ...wanted,
        giftAidDeclarationId: declaration?.id ?? null,
        donorId: donor.id,
        stripeAccountId,
        stripePaymentIntentId: next.id,
        bankTransfer: bankTransfer ? (bankTransfer as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      },
    });
    if (count !== 1) throw new ApiError("conflict", "This donation was changed from another tab. Reload the page to start again.");
    if (email) await enqueueEmail(tx, { ...email, to: donor.email, kind: "bank_transfer_instructions", dedupeKey: `bank-transfer:${existing.id}:${next.id}` });
  });
  return answer({ ...existing, ...wanted }, next, stripeAccountId, bankTransfer);
}

function readBankTransfer(value: Prisma.JsonValue): BankTransferInstructions | null {
  return (value ?? null) as BankTransferInstructions | null;
}

function answer(
  donation: { id: string; amount: bigint; feeCovered: bigint; chargedAmount: bigint; currency: string },
  intent: Stripe.PaymentIntent,
  stripeAccount: string,
  bankTransfer: BankTransferInstructions | null,
): CreatedDonation {
  return {
    donationId: donation.id,
    clientSecret: String(intent.client_secret),
    stripeAccount,
    amount: Number(donation.amount),
    feeCovered: Number(donation.feeCovered),
    chargedAmount: Number(donation.chargedAmount),
    currency: donation.currency,
    bankTransfer,
    frequency: "once",
  };
}
