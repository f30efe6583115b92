import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { log } from "@/lib/logger";
import { cancelRecurringGift } from "@/lib/recurring/cancel-recurring-gift";
import { runningRecurringGiftsWhere } from "@/lib/recurring/running-recurring-gifts";
import { deauthorizeAccount } from "@/lib/stripe/deauthorize-account";
import { isAlreadyDeauthorized } from "@/lib/stripe/errors";

/**
 * The organisation no longer has Amply connected to its Stripe account (it disconnected, or
 * revoked access from Stripe's side): it stops taking donations until it connects again. Its past
 * donations and ledger stay.
 */
export async function markDisconnected(tx: Tx, organisationId: string) {
  await tx.stripeAccountConnection.updateMany({ where: { organisationId, disconnectedAt: null }, data: { disconnectedAt: new Date() } });
  await tx.organisation.update({
    where: { id: organisationId },
    data: {
      stripeAccountId: null,
      stripeChargesEnabled: false,
      stripePayoutsEnabled: false,
      stripeDetailsSubmitted: false,
      stripeRequirements: undefined,
      stripeDisconnectedAt: new Date(),
      stripeDonationProductId: null,
      stripeAccountCountry: null,
      stripeDefaultCurrency: null,
      stripeCapabilities: Prisma.DbNull,
    },
  });
}

export type RecurringGiftsChoice = "cancel" | "keep";

/**
 * The organisation's "Disconnect": revoke Amply's access on Stripe, then forget the account.
 * Recurring gifts live on the organisation's account and would keep charging donors out of Amply's
 * sight, so while any run the admin must choose: cancel them through Stripe first (their donors are
 * emailed), or keep them running (docs/recurring.md#disconnecting). If a cancellation fails,
 * nothing is disconnected and trying again finishes the rest.
 */
export async function disconnectStripe(
  organisation: { id: string; stripeAccountId: string | null },
  options: { recurringGifts?: RecurringGiftsChoice; userId?: string } = {},
): Promise<{ cancelled: number; kept: number }> {
  if (!organisation.stripeAccountId) throw new ApiError("conflict", "This organisation has no Stripe account connected.");
  const running = await db.recurringDonation.findMany({
    where: runningRecurringGiftsWhere(organisation.id),
    include: { donor: true, organisation: { include: { feeRates: true } } },
  });
  if (running.length > 0 && !options.recurringGifts) {
    const message = `${running.length} recurring gift${running.length === 1 ? " is" : "s are"} running on your Stripe account. Choose whether to cancel ${running.length === 1 ? "it" : "them"} or leave ${running.length === 1 ? "it" : "them"} running before you disconnect.`;
    throw new ApiError("validation_failed", message, { fields: { recurringGifts: [message] } });
  }
  if (options.recurringGifts === "cancel") {
    for (const gift of running) {
      await cancelRecurringGift(
        gift,
        { requestId: `disconnect:${organisation.id}:${gift.id}`, reason: "The organisation stopped using Amply." },
        options.userId ?? null,
        "organisation",
      );
    }
  }
  try {
    await deauthorizeAccount(organisation.stripeAccountId);
  } catch (error) {
    // Already revoked from Stripe's side: disconnecting here is still right.
    if (!isAlreadyDeauthorized(error)) {
      log.warn("Stripe deauthorize failed", { organisationId: organisation.id, error });
      throw new ApiError("payment_provider_error", "Stripe did not answer. Nothing was changed; please try again in a moment.");
    }
  }
  await db.$transaction((tx) => markDisconnected(tx, organisation.id));
  return options.recurringGifts === "cancel" ? { cancelled: running.length, kept: 0 } : { cancelled: 0, kept: running.length };
}
