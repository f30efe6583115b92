import "server-only";
import type Stripe from "stripe";
import { disputeStatusHandler } from "../disputes";

/** `charge.dispute.closed` changes the dispute's status only (ERRATA 18a). */
export const disputeClosed = disputeStatusHandler<Stripe.ChargeDisputeClosedEvent>();
