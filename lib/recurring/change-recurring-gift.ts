// A new amount or interval for a recurring gift, from the next payment on (docs/recurring.md#changes):
// a new price_data on the one item with proration_behavior none, so nothing is charged or credited
// now. A new interval would make Stripe restart the billing cycle and charge at once; a trial until
// the current period's end moves the start of the new cycle there instead, so nobody pays twice.
// A covered fee is estimated again for the new amount, at the rate of the gift's payment method.
import "server-only";
import type Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { fieldError } from "@/lib/donations/resolve-donation-target";
import { parseAmount } from "@/lib/money/amount";
import { MoneyError } from "@/lib/money/currencies";
import { donationCharge, feeFamilyForMethod, feeRateFor } from "@/lib/money/fees";
import { assertChargeable } from "@/lib/money/limits";
import { retrieveSubscription, WITH_PAYMENT_DETAILS } from "@/lib/stripe/retrieve-subscription";
import { updateSubscription } from "@/lib/stripe/update-subscription";
import type { ManagedGift } from "./authorize-managed-gift";
import { changeEmail } from "./change-emails";
import { forGift, liveSubscription } from "./gift-stripe";
import { applyChange, beginChange, changeKey } from "./record-change";

export type GiftChangeInput = { requestId: string; amount: string; interval: "month" | "year"; coverFee: boolean };

type Detail = {
  amount: number;
  feeCovered: number;
  chargedAmount: number;
  interval: "month" | "year";
  itemId: string;
  product: string;
  trialEnd: number | null;
};

export async function changeRecurringGift(gift: NonNullable<ManagedGift>, input: GiftChangeInput, userId: string | null = null) {
  const { account, subscriptionId } = liveSubscription(gift);
  const amount = money("amount", () => {
    const minor = parseAmount(input.amount, gift.currency);
    assertChargeable(minor, gift.currency);
    return minor;
  });
  const subscription = await forGift(gift, () => retrieveSubscription(account, subscriptionId, WITH_PAYMENT_DETAILS));
  const item = subscription.items.data[0];
  if (!item) throw new ApiError("conflict", "This gift has nothing to change at Stripe.");
  const rate = input.coverFee
    ? money("coverFee", () => feeRateFor(gift.organisation.feeRates, gift.currency, feeFamilyForMethod("payment_element", methodType(subscription))))
    : { currency: gift.currency, percentBps: 0, fixedMinor: 0 };
  const charge = money("amount", () => donationCharge(amount, rate, input.coverFee));
  const currentInterval = item.price.recurring?.interval;
  const change = await beginChange<Detail>(gift, {
    requestId: input.requestId,
    kind: "amount",
    userId,
    detail: {
      amount,
      feeCovered: charge.feeCovered,
      chargedAmount: charge.chargedAmount,
      interval: input.interval,
      itemId: item.id,
      product: typeof item.price.product === "string" ? item.price.product : item.price.product.id,
      trialEnd: currentInterval === input.interval ? null : item.current_period_end,
    },
  });
  const detail = change.detail;
  await forGift(gift, () =>
    updateSubscription(
      account,
      subscriptionId,
      {
        items: [
          {
            id: detail.itemId,
            price_data: {
              currency: gift.currency.toLowerCase(),
              product: detail.product,
              unit_amount: detail.chargedAmount,
              recurring: { interval: detail.interval },
            },
          },
        ],
        proration_behavior: "none",
        ...(detail.trialEnd ? { trial_end: detail.trialEnd } : {}),
        metadata: { gift_amount: String(detail.amount), fee_covered: String(detail.feeCovered) },
      },
      changeKey(change, "update"),
    ),
  );
  const from = new Date(item.current_period_end * 1000);
  await applyChange(
    change,
    changeEmail(
      gift,
      ({ t, organisation, date, figure }) => ({
        subject: t("change.amount.subject"),
        body: [
          t("change.amount.now", { organisation, figure: figure(detail.amount, detail.feeCovered, detail.interval) }),
          detail.trialEnd
            ? t("change.amount.newInterval", { date: date(from), interval: detail.interval })
            : t("change.amount.nextPayment", { date: date(from) }),
        ],
      }),
      userId === null ? "donor" : "organisation_for_donor",
    ),
  );
}

/** The type of the gift's payment method (its fee family decides a covered fee). */
export function methodType(subscription: Stripe.Subscription): string {
  const method = subscription.default_payment_method;
  return method && typeof method === "object" ? method.type : "card";
}

/** Money rules' refusals as a message on the field they concern. */
function money<T>(field: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof MoneyError) throw fieldError(error.code === "no_fee_rate" ? "coverFee" : field, error.message);
    throw error;
  }
}
