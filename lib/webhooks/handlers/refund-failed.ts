import "server-only";
import type Stripe from "stripe";
import { refundHandler } from "../refunds";

/** `refund.failed`: record the refund as Stripe has it now (one row per refund id). */
export const refundFailed = refundHandler<Stripe.RefundFailedEvent>();
