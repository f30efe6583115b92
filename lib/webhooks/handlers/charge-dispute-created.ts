import "server-only";
import type Stripe from "stripe";
import { disputeStatusHandler } from "../disputes";

/** `charge.dispute.created` changes the dispute's status only; money moves at funds_withdrawn / funds_reinstated (docs/stripe.md#disputes). */
export const disputeCreated = disputeStatusHandler<Stripe.ChargeDisputeCreatedEvent>();
