import "server-only";
import type { Tx } from "@/lib/db/client";

/**
 * The organisation no longer has Amply connected to its Stripe account (it disconnected, or
 * revoked access from Stripe's side; docs/stripe.md#disconnected-accounts): it stops taking
 * donations until it connects again. Its past donations and ledger stay.
 */
export async function markDisconnected(tx: Tx, organisationId: string) {
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
    },
  });
}
