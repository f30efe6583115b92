import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { log } from "@/lib/logger";
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

/** The organisation's "Disconnect": revoke Amply's access on Stripe, then forget the account. */
export async function disconnectStripe(organisation: { id: string; stripeAccountId: string | null }) {
  if (!organisation.stripeAccountId) throw new ApiError("conflict", "This organisation has no Stripe account connected.");
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
}
