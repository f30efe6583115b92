import "server-only";
import type Stripe from "stripe";
import { disputeStatusHandler } from "../disputes";

/** `charge.dispute.created` changes the dispute's status only (ERRATA 18a). */
export const disputeCreated = disputeStatusHandler<Stripe.ChargeDisputeCreatedEvent>();
