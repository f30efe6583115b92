// What the dispute handlers share: a fresh copy of the dispute, and status-only recording.
import "server-only";
import type Stripe from "stripe";
import { recordDispute } from "@/lib/donations/record-dispute";
import { retrieveDispute } from "@/lib/stripe/retrieve-dispute";
import { defineHandler, eventAccount, ignore, readOnAccount, type PrepareContext } from "./define-handler";

export type DisputeEvent =
  | Stripe.ChargeDisputeCreatedEvent
  | Stripe.ChargeDisputeUpdatedEvent
  | Stripe.ChargeDisputeClosedEvent
  | Stripe.ChargeDisputeFundsWithdrawnEvent
  | Stripe.ChargeDisputeFundsReinstatedEvent;

/** The dispute as it is now: its status may have moved on since this event. */
export function freshDispute(event: DisputeEvent, context: PrepareContext) {
  const id = event.data.object.id;
  return readOnAccount(event, context, id, (stripeAccount) => retrieveDispute(stripeAccount, id));
}

/**
 * created / updated / closed change the dispute's status; money moves at funds_withdrawn /
 * funds_reinstated (docs/stripe.md#disputes), booked only from a fresh copy. Without one (the
 * account is no longer connected) the signed payload gives the status, and no money is booked.
 */
export function disputeHandler<E extends DisputeEvent>(money?: "withdrawn" | "reinstated") {
  return defineHandler<E, Stripe.Dispute | null>({
    prepare: freshDispute,
    apply: async (tx, event, dispute) =>
      (await recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event), dispute ? money : undefined))
        ? undefined
        : ignore("not a dispute of a donation"),
  });
}
