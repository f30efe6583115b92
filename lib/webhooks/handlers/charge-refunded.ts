import "server-only";
import type Stripe from "stripe";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { recordRefund } from "@/lib/donations/record-refund";
import { listChargeRefunds } from "@/lib/stripe/list-refunds";
import { defineHandler, eventAccount, readOnAccount } from "../define-handler";
import { idOf } from "@/lib/stripe/ids";
import { REFUND_EXPAND } from "../refunds";

/**
 * `charge.refunded` fires for every partial refund with the cumulative amount (docs/stripe.md#refunds): record
 * each of the charge's refunds by id, so nothing is counted twice or missed.
 */
export const chargeRefunded = defineHandler<Stripe.ChargeRefundedEvent, Stripe.Refund[] | null>({
  async prepare(event) {
    const charge = event.data.object;
    return readOnAccount(event, charge.id, (stripeAccount) => listChargeRefunds(stripeAccount, charge.id, REFUND_EXPAND));
  },
  async apply(tx, event, refunds) {
    const charge = event.data.object;
    if (!refunds) {
      await findDonationForPayment(tx, { chargeId: charge.id, paymentIntentId: idOf(charge.payment_intent) }, eventAccount(event));
      return;
    }
    for (const refund of refunds) {
      if (idOf(refund.charge) === event.data.object.id) await recordRefund(tx, refund, event.id, eventAccount(event));
    }
  },
});
