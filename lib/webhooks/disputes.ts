// What the dispute handlers share: a fresh copy of the dispute, and status-only recording.
import "server-only";
import type Stripe from "stripe";
import { recordDispute } from "@/lib/donations/record-dispute";
import { retrieveDispute } from "@/lib/stripe/retrieve-dispute";
import { defineHandler, eventAccount, readOnAccount } from "./define-handler";

export type DisputeEvent =
  | Stripe.ChargeDisputeCreatedEvent
  | Stripe.ChargeDisputeUpdatedEvent
  | Stripe.ChargeDisputeClosedEvent
  | Stripe.ChargeDisputeFundsWithdrawnEvent
  | Stripe.ChargeDisputeFundsReinstatedEvent;

/** The dispute as it is now: its status may have moved on since this event. */
export function freshDispute(event: DisputeEvent) {
  const id = event.data.object.id;
  return readOnAccount(event, id, (stripeAccount) => retrieveDispute(stripeAccount, id));
}

/** created / updated / closed change the dispute's status only; money moves at funds_withdrawn /
 * funds_reinstated (docs/stripe.md#disputes). */
export function disputeStatusHandler<E extends DisputeEvent>() {
  return defineHandler<E, Stripe.Dispute | null>({
    prepare: freshDispute,
    apply: (tx, event, dispute) => recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event)),
  });
}
