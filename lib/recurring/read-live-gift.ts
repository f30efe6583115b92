// The manage page shows a gift as Stripe has it now: a change the donor just made shows at once,
// before the subscription's webhook has updated Amply's row. If Stripe cannot be read, the row's
// values are shown.
import "server-only";
import type { RecurringInterval } from "@/lib/db/generated/enums.ts";
import { log } from "@/lib/logger";
import { retrieveSubscription, WITH_PAYMENT_DETAILS } from "@/lib/stripe/retrieve-subscription";
import { pausedUntilOf } from "./gift-status";

type Row = {
  id: string;
  status: string;
  amount: bigint;
  feeCovered: bigint;
  interval: RecurringInterval;
  currentPeriodEnd: Date | null;
  pausedUntil: Date | null;
  stripeAccountId: string | null;
  stripeSubscriptionId: string | null;
};

export async function readLiveGift<G extends Row>(gift: G): Promise<G> {
  if (!gift.stripeAccountId || !gift.stripeSubscriptionId || gift.status === "canceled") return gift;
  try {
    const subscription = await retrieveSubscription(gift.stripeAccountId, gift.stripeSubscriptionId, WITH_PAYMENT_DETAILS);
    const item = subscription.items.data[0];
    const interval = item?.price.recurring?.interval;
    const number = (value: string | undefined) => (value && /^\d{1,12}$/.test(value) ? BigInt(value) : null);
    return {
      ...gift,
      status: subscription.status,
      pausedUntil: pausedUntilOf(subscription),
      amount: number(subscription.metadata.gift_amount) ?? gift.amount,
      feeCovered: number(subscription.metadata.fee_covered) ?? gift.feeCovered,
      interval: interval === "year" || interval === "month" ? interval : gift.interval,
      currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : gift.currentPeriodEnd,
    };
  } catch (error) {
    log.warn("could not read a recurring gift's subscription", { recurringDonationId: gift.id, error });
    return gift;
  }
}
