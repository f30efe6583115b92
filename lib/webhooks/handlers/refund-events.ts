import "server-only";
import type Stripe from "stripe";
import { recordRefund } from "@/lib/donations/record-refund";
import { stripe } from "@/lib/stripe/client";
import { findDonationForPayment } from "@/lib/donations/find-donation";
import { defineHandler, eventAccount, idOf, readOnAccount } from "../handler";

const EXPAND = ["balance_transaction", "failure_balance_transaction"];

/** The refund as Stripe has it now (a later event may already have changed it). */
type RefundEvent = Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent | Stripe.RefundFailedEvent;

function freshRefund(event: RefundEvent) {
  const id = event.data.object.id;
  return readOnAccount(event, id, (stripeAccount) => stripe().refunds.retrieve(id, { expand: EXPAND }, { stripeAccount }));
}

/** Without a fresh copy (a platform event) the payload only serves to refuse a donation's refund. */
function refundHandler<E extends RefundEvent>() {
  return defineHandler<E, Stripe.Refund | null>({
    prepare: freshRefund,
    apply: (tx, event, refund) => recordRefund(tx, refund ?? event.data.object, event.id, eventAccount(event)),
  });
}

export const refundCreated = refundHandler<Stripe.RefundCreatedEvent>();
export const refundUpdated = refundHandler<Stripe.RefundUpdatedEvent>();
export const refundFailed = refundHandler<Stripe.RefundFailedEvent>();

/**
 * `charge.refunded` fires for every partial refund with the cumulative amount (ERRATA 18): record
 * each of the charge's refunds by id, so nothing is counted twice or missed.
 */
export const chargeRefunded = defineHandler<Stripe.ChargeRefundedEvent, Stripe.Refund[] | null>({
  async prepare(event) {
    const charge = event.data.object;
    return readOnAccount(event, charge.id, (stripeAccount) =>
      stripe()
        .refunds.list({ charge: charge.id, limit: 100, expand: EXPAND.map((field) => `data.${field}`) }, { stripeAccount })
        .autoPagingToArray({ limit: 10_000 }),
    );
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
