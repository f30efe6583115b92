import "server-only";
import type Stripe from "stripe";
import { disputeStatusHandler } from "../disputes";

/** `charge.dispute.updated` changes the dispute's status only (ERRATA 18a). */
export const disputeUpdated = disputeStatusHandler<Stripe.ChargeDisputeUpdatedEvent>();
