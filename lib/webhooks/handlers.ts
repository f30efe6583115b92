// Which handler takes which event type. Types not listed are acknowledged and ignored (a 4xx
// would make Stripe retry them for three days, ERRATA 21).
import "server-only";
import type Stripe from "stripe";
import type { WebhookHandler } from "./handler";
import { accountApplicationDeauthorized } from "./handlers/account-application-deauthorized";
import { accountUpdated } from "./handlers/account-updated";
import { disputeClosed, disputeCreated, disputeFundsReinstated, disputeFundsWithdrawn, disputeUpdated } from "./handlers/dispute-events";
import { paymentIntentPaymentFailed } from "./handlers/payment-intent-payment-failed";
import { paymentIntentProcessing } from "./handlers/payment-intent-processing";
import { paymentIntentSucceeded } from "./handlers/payment-intent-succeeded";
import { payoutFailed, payoutPaid } from "./handlers/payout-events";
import { chargeRefunded, refundCreated, refundFailed, refundUpdated } from "./handlers/refund-events";

type HandlerFor<T extends Stripe.Event.Type> = WebhookHandler<Extract<Stripe.Event, { type: T }>, never>;

const HANDLERS: { [T in Stripe.Event.Type]?: HandlerFor<T> } = {
  "payment_intent.succeeded": paymentIntentSucceeded,
  "payment_intent.processing": paymentIntentProcessing,
  "payment_intent.payment_failed": paymentIntentPaymentFailed,
  "charge.refunded": chargeRefunded,
  "refund.created": refundCreated,
  "refund.updated": refundUpdated,
  "refund.failed": refundFailed,
  "charge.dispute.created": disputeCreated,
  "charge.dispute.updated": disputeUpdated,
  "charge.dispute.closed": disputeClosed,
  "charge.dispute.funds_withdrawn": disputeFundsWithdrawn,
  "charge.dispute.funds_reinstated": disputeFundsReinstated,
  "account.updated": accountUpdated,
  "account.application.deauthorized": accountApplicationDeauthorized,
  "payout.paid": payoutPaid,
  "payout.failed": payoutFailed,
} as { [T in Stripe.Event.Type]?: HandlerFor<T> };

export function handlerFor(event: Stripe.Event): WebhookHandler<Stripe.Event, unknown> | undefined {
  return HANDLERS[event.type] as WebhookHandler<Stripe.Event, unknown> | undefined;
}

export const HANDLED_EVENT_TYPES = Object.keys(HANDLERS) as Stripe.Event.Type[];
