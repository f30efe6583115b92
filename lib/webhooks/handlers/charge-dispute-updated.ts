import "server-only";
import type Stripe from "stripe";
import { disputeStatusHandler } from "../disputes";

/** `charge.dispute.updated` changes the dispute's status only; money moves at funds_withdrawn / funds_reinstated (docs/stripe.md#disputes). */
export const disputeUpdated = disputeStatusHandler<Stripe.ChargeDisputeUpdatedEvent>();
