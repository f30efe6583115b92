// Which handler takes which event type. Types not listed are acknowledged with a 2xx and ignored:
// a 4xx would make Stripe retry them for three days (docs/stripe.md#answer-fast).
import "server-only";
import type Stripe from "stripe";
import type { WebhookHandler } from "./define-handler";
import { accountApplicationDeauthorized } from "./handlers/account-application-deauthorized";
import { accountUpdated } from "./handlers/account-updated";
import { chargeRefunded } from "./handlers/charge-refunded";
import { chargeSucceeded } from "./handlers/charge-succeeded";
import { chargeUpdated } from "./handlers/charge-updated";
import { disputeClosed } from "./handlers/charge-dispute-closed";
import { disputeCreated } from "./handlers/charge-dispute-created";
import { disputeFundsReinstated } from "./handlers/charge-dispute-funds-reinstated";
import { disputeFundsWithdrawn } from "./handlers/charge-dispute-funds-withdrawn";
import { disputeUpdated } from "./handlers/charge-dispute-updated";
import { customerSubscriptionCreated, customerSubscriptionDeleted, customerSubscriptionUpdated } from "./handlers/customer-subscription-updated";
import { invoiceFinalized } from "./handlers/invoice-finalized";
import { invoicePaid, invoicePaymentSucceeded } from "./handlers/invoice-paid";
import { invoicePaymentActionRequired } from "./handlers/invoice-payment-action-required";
import { invoicePaymentFailed } from "./handlers/invoice-payment-failed";
import { invoiceVoided } from "./handlers/invoice-voided";
import { paymentIntentPaymentFailed } from "./handlers/payment-intent-payment-failed";
import { paymentIntentProcessing } from "./handlers/payment-intent-processing";
import { paymentIntentSucceeded } from "./handlers/payment-intent-succeeded";
import { payoutFailed } from "./handlers/payout-failed";
import { payoutPaid } from "./handlers/payout-paid";
import { refundCreated } from "./handlers/refund-created";
import { refundFailed } from "./handlers/refund-failed";
import { refundUpdated } from "./handlers/refund-updated";

type HandlerFor<T extends Stripe.Event.Type> = WebhookHandler<Extract<Stripe.Event, { type: T }>, never>;

const HANDLERS: { [T in Stripe.Event.Type]?: HandlerFor<T> } = {
  "payment_intent.succeeded": paymentIntentSucceeded,
  "payment_intent.processing": paymentIntentProcessing,
  "payment_intent.payment_failed": paymentIntentPaymentFailed,
  "charge.succeeded": chargeSucceeded,
  "charge.updated": chargeUpdated,
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
  "invoice.finalized": invoiceFinalized,
  "invoice.paid": invoicePaid,
  "invoice.payment_succeeded": invoicePaymentSucceeded,
  "invoice.payment_failed": invoicePaymentFailed,
  "invoice.payment_action_required": invoicePaymentActionRequired,
  "invoice.voided": invoiceVoided,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
} as { [T in Stripe.Event.Type]?: HandlerFor<T> };

export function handlerFor(event: Stripe.Event): WebhookHandler<Stripe.Event, unknown> | undefined {
  return HANDLERS[event.type] as WebhookHandler<Stripe.Event, unknown> | undefined;
}
