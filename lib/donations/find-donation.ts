import "server-only";
import type { Tx } from "@/lib/db/client";
import { AccountMismatchError } from "@/lib/webhooks/errors";

const include = { organisation: true, donor: true, fund: true, campaign: true, recurringDonation: true } as const;

/**
 * The donation behind a Stripe payment, locked for this transaction (so events about one donation
 * apply one after another), or null when the payment is not one of Amply's (a Standard account
 * takes other payments too). Throws when the event's account is not the organisation's.
 */
export async function findDonationForPayment(
  tx: Tx,
  refs: { paymentIntentId?: string | null; chargeId?: string | null; donationId?: string | null },
  eventAccount: string | null | undefined,
) {
  const where = refs.paymentIntentId
    ? { stripePaymentIntentId: refs.paymentIntentId }
    : refs.chargeId
      ? { stripeChargeId: refs.chargeId }
      : null;
  let found = where ? await tx.donation.findFirst({ where, select: { id: true } }) : null;
  // A payment Amply created carries its donation's id: found even before the charge id is stored.
  if (!found && refs.donationId) found = await tx.donation.findUnique({ where: { id: refs.donationId }, select: { id: true } });
  if (!found) return null;
  // Lock first, then read: what this handler decides from is what the previous one committed.
  await tx.$queryRaw`SELECT id FROM "Donation" WHERE id = ${found.id} FOR UPDATE`;
  const donation = await tx.donation.findUniqueOrThrow({ where: { id: found.id }, include });
  if (!donation.organisation.stripeAccountId || donation.organisation.stripeAccountId !== eventAccount) {
    throw new AccountMismatchError(eventAccount ?? null, refs.paymentIntentId ?? refs.chargeId ?? donation.id);
  }
  if (refs.paymentIntentId && donation.stripePaymentIntentId && donation.stripePaymentIntentId !== refs.paymentIntentId) {
    // Metadata pointing at a donation paid by another PaymentIntent: not this donation's payment.
    throw new AccountMismatchError(eventAccount ?? null, refs.paymentIntentId);
  }
  return donation;
}

export type DonationWithRelations = NonNullable<Awaited<ReturnType<typeof findDonationForPayment>>>;
