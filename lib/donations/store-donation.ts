// Step 5 of a new donation: the pending Donation row, written once Stripe accepted its
// PaymentIntent, with the bank-transfer instructions email in the same transaction.
import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma } from "@/lib/db/generated/client.ts";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { declarationData } from "@/lib/gift-aid/declaration-data";
import { allowAnonymousEmail } from "@/lib/rate-limit/email-limits";
import { bankTransferEmail } from "@/lib/email/bank-transfer-email";
import type { BankTransferInstructions } from "./bank-transfer";
import type { DonationRequest } from "./donation-request";
import type { DonationAmounts } from "./price-donation";
import type { DonationTarget } from "./resolve-donation-target";

type StoreInput = {
  donationId: string;
  idempotencyKey: string;
  request: DonationRequest;
  amounts: DonationAmounts;
  target: DonationTarget;
  donor: { id: string; email: string };
  intent: Stripe.PaymentIntent;
  bankTransfer: BankTransferInstructions | null;
  clientAddress: string;
};

export async function storeDonation(input: StoreInput) {
  const { donationId, request, amounts, target, donor, intent, bankTransfer } = input;
  // Anyone can type any address: the instructions go out only within the anonymous-email limits
  // (the page shows them either way).
  const email =
    bankTransfer && (await allowAnonymousEmail(donor.email, input.clientAddress))
      ? bankTransferEmail(target.organisation.name, bankTransfer, request.locale ?? target.organisation.defaultLocale)
      : null;
  try {
    await db.$transaction(async (tx) => {
      // The donor's Gift Aid declaration, stored with its date, and the gift linked to it.
      const declaration = request.giftAid
        ? await tx.giftAidDeclaration.create({ data: declarationData(request.giftAid, target.organisation.id, donor.id), select: { id: true } })
        : null;
      await tx.donation.create({
        data: {
          id: donationId,
          organisationId: target.organisation.id,
          donorId: donor.id,
          donorName: request.donor.name || null,
          fundId: target.fund?.id ?? target.campaign?.fundId ?? null,
          campaignId: target.campaign?.id ?? null,
          amount: BigInt(amounts.amount),
          feeCovered: BigInt(amounts.feeCovered),
          chargedAmount: BigInt(amounts.chargedAmount),
          currency: request.currency,
          method: request.method,
          paymentMethodType: request.method === "bank_transfer" ? "customer_balance" : request.paymentMethodType,
          stripeAccountId: target.stripeAccount,
          stripePaymentIntentId: intent.id,
          idempotencyKey: input.idempotencyKey,
          anonymous: request.anonymous,
          dedication: request.dedication || null,
          giftAidDeclarationId: declaration?.id ?? null,
          locale: request.locale ?? target.organisation.defaultLocale,
          bankTransfer: bankTransfer ? (bankTransfer as unknown as Prisma.InputJsonValue) : undefined,
        },
      });
      if (email) await enqueueEmail(tx, { ...email, to: donor.email, kind: "bank_transfer_instructions", dedupeKey: `bank-transfer:${donationId}` });
    });
  } catch (error) {
    // The same request, twice at once: the other one stored it (same id, same PaymentIntent).
    if (!isUniqueViolation(error)) throw error;
  }
}
