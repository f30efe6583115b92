import "server-only";
import type Stripe from "stripe";
import { retrieveSubscription } from "@/lib/stripe/retrieve-subscription";
import { AccountMismatchError } from "@/lib/stripe/account-mismatch-error";
import { defineHandler, ignore, readOnAccount } from "../define-handler";
import { readGift, storeSubscription } from "../installments";

type Prepared = { subscription: Stripe.Subscription; retrievedAt: Date };

/**
 * The gift follows its subscription: status, amount, interval and next payment date, read again
 * from Stripe rather than taken from the payload (as account.updated does), so an older event
 * delivered late writes the current state, never a stale one (docs/stripe.md#any-order). When the
 * account is no longer connected only a deletion, final by nature, is taken from the payload.
 */
export function subscriptionHandler<
  E extends Stripe.CustomerSubscriptionUpdatedEvent | Stripe.CustomerSubscriptionDeletedEvent | Stripe.CustomerSubscriptionCreatedEvent,
>() {
  return defineHandler<E, Prepared>({
    async prepare(event, context) {
      const payload = event.data.object;
      const gift = await readGift(payload.id);
      if (!gift) return ignore("not a recurring gift of Amply's");
      if (gift.stripeAccountId !== (event.account ?? null)) throw new AccountMismatchError(event.account ?? null, payload.id);
      const retrievedAt = new Date();
      const subscription = await readOnAccount(event, context, payload.id, (account) => retrieveSubscription(account, payload.id));
      if (subscription) return { subscription, retrievedAt };
      if (event.type === "customer.subscription.deleted") return { subscription: payload, retrievedAt };
      return ignore("Stripe no longer lets Amply read the subscription");
    },
    async apply(tx, _event, prepared) {
      if (!(await storeSubscription(tx, prepared.subscription, prepared.retrievedAt))) return ignore("a newer read of the subscription is stored");
    },
  });
}

export const customerSubscriptionCreated = subscriptionHandler<Stripe.CustomerSubscriptionCreatedEvent>();
export const customerSubscriptionUpdated = subscriptionHandler<Stripe.CustomerSubscriptionUpdatedEvent>();
export const customerSubscriptionDeleted = subscriptionHandler<Stripe.CustomerSubscriptionDeletedEvent>();
