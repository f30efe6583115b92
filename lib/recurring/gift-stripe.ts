// What every change to a recurring gift needs first: a subscription to change, and Stripe's refusals
// in words the donor (or the admin acting for them) can act on.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { donorFacingStripeError, isAccessRevoked } from "@/lib/stripe/errors";

type Gift = {
  status: string;
  currency: string;
  stripeAccountId: string | null;
  stripeSubscriptionId: string | null;
  organisation: { name: string; email: string };
};

/** The gift's subscription and account; a gift that has ended cannot be changed. */
export function liveSubscription(gift: Gift): { account: string; subscriptionId: string } {
  if (!gift.stripeAccountId || !gift.stripeSubscriptionId) throw new ApiError("conflict", "This gift has not started yet, so there is nothing to change.");
  if (gift.status === "canceled") throw new ApiError("conflict", "This gift has been cancelled; nothing more will be charged.");
  return { account: gift.stripeAccountId, subscriptionId: gift.stripeSubscriptionId };
}

/** Call Stripe for a gift: an organisation that disconnected Amply is said plainly; the rest as for a donation. */
export async function forGift<T>(gift: Gift, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (isAccessRevoked(error)) {
      throw new ApiError(
        "conflict",
        `${gift.organisation.name} no longer manages gifts through Amply, so this gift cannot be changed here. Write to ${gift.organisation.email} to change or stop it.`,
      );
    }
    throw donorFacingStripeError(error, gift.currency);
  }
}
