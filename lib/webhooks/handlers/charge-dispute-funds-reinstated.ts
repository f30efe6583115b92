import "server-only";
import type Stripe from "stripe";
import { recordDispute } from "@/lib/donations/record-dispute";
import { defineHandler, eventAccount } from "../define-handler";
import { freshDispute } from "../disputes";

/** A won dispute returns the amount. */
export const disputeFundsReinstated = defineHandler<Stripe.ChargeDisputeFundsReinstatedEvent, Stripe.Dispute | null>({
  prepare: freshDispute,
  apply: (tx, event, dispute) => recordDispute(tx, dispute ?? event.data.object, event.id, eventAccount(event), "reinstated"),
});
