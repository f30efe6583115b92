import "server-only";
import type Stripe from "stripe";
import { disputeHandler } from "../disputes";

/** A won dispute returns the amount. */
export const disputeFundsReinstated = disputeHandler<Stripe.ChargeDisputeFundsReinstatedEvent>("reinstated");
