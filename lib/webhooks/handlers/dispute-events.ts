import "server-only";
import type Stripe from "stripe";
import { recordDispute } from "@/lib/donations/record-dispute";
import { stripe } from "@/lib/stripe/client";
import { defineHandler, eventAccount, readOnAccount } from "../handler";

type DisputeEvent =
  | Stripe.ChargeDisputeCreatedEvent
  | Stripe.ChargeDisputeUpdatedEvent
  | Stripe.ChargeDisputeClosedEvent
  | Stripe.ChargeDisputeFundsWithdrawnEvent
  | Stripe.ChargeDisputeFundsReinstatedEvent;

/** The dispute as it is now: its status may have moved on since this event. */
function freshDispute(event: DisputeEvent) {
  const id = event.data.object.id;
  return readOnAccount(event, id, (stripeAccount) => stripe().disputes.retrieve(id, undefined, { stripeAccount }));
}

/** created / updated / closed change the dispute's status only (ERRATA 18a). */
function statusOnly<E extends DisputeEvent>() {
  return defineHandler<E, Stripe.Dispute | null>({
    prepare: freshDispute,
    apply: (tx, event, dispute) => recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event)),
  });
}

export const disputeCreated = statusOnly<Stripe.ChargeDisputeCreatedEvent>();
export const disputeUpdated = statusOnly<Stripe.ChargeDisputeUpdatedEvent>();
export const disputeClosed = statusOnly<Stripe.ChargeDisputeClosedEvent>();

/** The disputed amount and the dispute fee leave the balance. */
export const disputeFundsWithdrawn = defineHandler<Stripe.ChargeDisputeFundsWithdrawnEvent, Stripe.Dispute | null>({
  prepare: freshDispute,
  apply: (tx, event, dispute) => recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event), "withdrawn"),
});

/** A won dispute returns the amount. */
export const disputeFundsReinstated = defineHandler<Stripe.ChargeDisputeFundsReinstatedEvent, Stripe.Dispute | null>({
  prepare: freshDispute,
  apply: (tx, event, dispute) => recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event), "reinstated"),
});
