import "server-only";
import { db } from "@/lib/db/client";
import { log } from "@/lib/logger";
import { retrieveAccount } from "@/lib/stripe/connect";
import { markDisconnected } from "./disconnect-stripe";
import { accountStatus } from "./stripe-account-status";

/**
 * Re-read the connected account from Stripe (the settings page does this when it opens; webhooks
 * keep it current in between). Returns false when Stripe could not be reached: the page then shows
 * the status last stored.
 */
export async function refreshStripeStatus(organisation: { id: string; stripeAccountId: string | null }): Promise<boolean> {
  if (!organisation.stripeAccountId) return true;
  const checkedAt = new Date();
  try {
    const account = await retrieveAccount(organisation.stripeAccountId);
    await db.organisation.updateMany({
      where: { id: organisation.id, stripeAccountId: organisation.stripeAccountId, OR: [{ stripeAccountCheckedAt: null }, { stripeAccountCheckedAt: { lt: checkedAt } }] },
      data: { ...accountStatus(account), stripeAccountCheckedAt: checkedAt },
    });
    return true;
  } catch (error) {
    if (error instanceof Error && "statusCode" in error && (error.statusCode === 403 || error.statusCode === 401)) {
      // Access was revoked on Stripe's side and the webhook has not told us yet.
      await db.$transaction((tx) => markDisconnected(tx, organisation.id));
      return true;
    }
    log.warn("could not refresh Stripe account status", { organisationId: organisation.id, error });
    return false;
  }
}
