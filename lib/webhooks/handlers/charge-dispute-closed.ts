import "server-only";
import type Stripe from "stripe";
import { disputeStatusHandler } from "../disputes";

/** `charge.dispute.closed` changes the dispute's status only; money moves at funds_withdrawn / funds_reinstated (docs/stripe.md#disputes). */
export const disputeClosed = disputeStatusHandler<Stripe.ChargeDisputeClosedEvent>();
