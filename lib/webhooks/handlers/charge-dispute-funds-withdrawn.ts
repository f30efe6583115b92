import "server-only";
import type Stripe from "stripe";
import { recordDispute } from "@/lib/donations/record-dispute";
import { defineHandler, eventAccount } from "../define-handler";
import { freshDispute } from "../disputes";

/** The disputed amount and the dispute fee leave the balance. */
export const disputeFundsWithdrawn = defineHandler<Stripe.ChargeDisputeFundsWithdrawnEvent, Stripe.Dispute | null>({
  prepare: freshDispute,
  apply: (tx, event, dispute) => recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event), "withdrawn"),
});
