// What the refund handlers share: a fresh copy of the refund, with its balance transactions.
import "server-only";
import type Stripe from "stripe";
import { recordRefund } from "@/lib/donations/record-refund";
import { retrieveRefund } from "@/lib/stripe/retrieve-refund";
import { defineHandler, eventAccount, ignore, readOnAccount, type PrepareContext } from "./define-handler";

export const REFUND_EXPAND = ["balance_transaction", "failure_balance_transaction"];

type RefundEvent = Stripe.RefundCreatedEvent | Stripe.RefundUpdatedEvent | Stripe.RefundFailedEvent;

/** The refund as Stripe has it now (a later event may already have changed it). */
export function freshRefund(event: RefundEvent, context: PrepareContext) {
  const id = event.data.object.id;
  return readOnAccount(event, context, id, (stripeAccount) => retrieveRefund(stripeAccount, id, REFUND_EXPAND));
}

/** Without a fresh copy (the account is no longer connected) the signed payload gives the status. */
export function refundHandler<E extends RefundEvent>() {
  return defineHandler<E, Stripe.Refund | null>({
    prepare: freshRefund,
    apply: async (tx, event, refund) =>
      (await recordRefund(tx, refund ?? event.data.object, event.id, eventAccount(event))) ? undefined : ignore("not a refund of a donation"),
  });
}
