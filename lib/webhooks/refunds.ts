// What the refund handlers share: a fresh copy of the refund, with its balance transactions.
import "server-only";
import type Stripe from "stripe";
import { recordRefund } from "@/lib/donations/record-refund";
import { retrieveRefund } from "@/lib/stripe/retrieve-refund";
import { defineHandler, eventAccount, readOnAccount } from "./define-handler";

export const REFUND_EXPAND = ["balance_transaction", "failure_balance_transaction"];

type RefundEvent = Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent | Stripe.RefundFailedEvent;

/** The refund as Stripe has it now (a later event may already have changed it). */
export function freshRefund(event: RefundEvent) {
  const id = event.data.object.id;
  return readOnAccount(event, id, (stripeAccount) => retrieveRefund(stripeAccount, id, REFUND_EXPAND));
}

/** Without a fresh copy (a platform event) the payload only serves to refuse a donation's refund. */
export function refundHandler<E extends RefundEvent>() {
  return defineHandler<E, Stripe.Refund | null>({
    prepare: freshRefund,
    apply: (tx, event, refund) => recordRefund(tx, refund ?? event.data.object, event.id, eventAccount(event)),
  });
}
