import "server-only";
import type Stripe from "stripe";
import { disputeHandler } from "../disputes";

/** The disputed amount and the dispute fee leave the balance. */
export const disputeFundsWithdrawn = disputeHandler<Stripe.ChargeDisputeFundsWithdrawnEvent>("withdrawn");
