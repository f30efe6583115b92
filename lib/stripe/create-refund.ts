import "server-only";
import type Stripe from "stripe";
import { stripe } from "./client";

/**
 * A refund on the donation's connected account. The key comes from Amply's refund request, so a
 * retried request replays Stripe's answer and a second request (even for the same amount) is a
 * second refund.
 */
export function createRefund(stripeAccount: string, params: Stripe.RefundCreateParams, refundRequestId: string): Promise<Stripe.Refund> {
  return stripe().refunds.create(params, { stripeAccount, idempotencyKey: `refund-request:${refundRequestId}` });
}
