import "server-only";
import { db } from "@/lib/db/client";
import { log } from "@/lib/logger";
import { isAccessRevoked } from "@/lib/stripe/errors";
import { retrieveAccount } from "@/lib/stripe/retrieve-account";
import { markDisconnected } from "./disconnect-stripe";
import { storeAccountStatus } from "./store-account-status";

/**
 * Re-read the connected account from Stripe (the settings page does this when it opens; webhooks
 * keep it current in between). Returns false when Stripe could not be reached: the page then shows
 * the status last stored.
 */
export async function refreshStripeStatus(organisation: { id: string; stripeAccountId: string | null }): Promise<boolean> {
  if (!organisation.stripeAccountId) return true;
  const retrievedAt = new Date();
  try {
    await storeAccountStatus(db, await retrieveAccount(organisation.stripeAccountId), retrievedAt);
    return true;
  } catch (error) {
    if (isAccessRevoked(error)) {
      // Access was revoked on Stripe's side and the webhook has not told us yet.
      await db.$transaction((tx) => markDisconnected(tx, organisation.id));
      return true;
    }
    log.warn("could not refresh Stripe account status", { organisationId: organisation.id, error });
    return false;
  }
}
