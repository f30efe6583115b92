import "server-only";
import type Stripe from "stripe";
import { disputeHandler } from "../disputes";

/** A dispute's status changed (docs/stripe.md#disputes). */
export const disputeUpdated = disputeHandler<Stripe.ChargeDisputeUpdatedEvent>();
