import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { recordRefund } from "@/lib/donations/record-refund";
import { listChargeRefunds } from "@/lib/stripe/list-refunds";
import { idOf } from "@/lib/stripe/ids";
import { defineHandler, eventAccount, ignore, readOnAccount } from "../define-handler";
import { REFUND_EXPAND } from "../refunds";

/**
 * `charge.refunded` fires for every partial refund with the cumulative amount (docs/stripe.md#refunds): record
 * each of the charge's refunds by id, so nothing is counted twice or missed. The refund events
 * carry the same refunds; without a fresh list (the account is no longer connected) they tell it.
 */
export const chargeRefunded = defineHandler<Stripe.ChargeRefundedEvent, Stripe.Refund[] | null>({
  prepare: (event, context) =>
    readOnAccount(event, context, event.data.object.id, (stripeAccount) => listChargeRefunds(stripeAccount, event.data.object.id, REFUND_EXPAND)),
  async apply(tx, event, refunds) {
    const charge = event.data.object;
    const donation = await findDonationForPayment(tx, { chargeId: charge.id, paymentIntentId: idOf(charge.payment_intent) }, eventAccount(event));
    if (!donation) return ignore("not a charge of a donation");
    if (!refunds) return ignore("the account is no longer connected: the refund events carry each refund");
    for (const refund of refunds) {
      if (idOf(refund.charge) === charge.id) await recordRefund(tx, refund, event.id, eventAccount(event));
    }
  },
});
