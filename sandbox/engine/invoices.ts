// Invoices of subscriptions, as at API version 2025-03-31 and later: each invoice is paid by a
// PaymentIntent that the API shows only as `confirmation_secret` and `payments` (no
// `invoice.payment_intent`), and names its subscription in `parent.subscription_details`. An open
// invoice can be paid through the API (`POST /v1/invoices/:id/pay`), off-session by default.
import type { Engine } from "../engine";
import { formatMinor } from "../pricing";
import { newId, now, present, text } from "../store";
import { invalid, notFound, StripeApiError } from "../wire";
import type { Obj, PaymentIntent, Subscription } from "./objects";
import { confirmPaymentIntent, createPaymentIntent } from "./payment-intents";
import { clockTime } from "./test-clocks";

export function issueInvoice(engine: Engine, accountId: string, subscription: Subscription, reason: string, start: number, end: number) {
  const item = subscription.items.data[0] as Obj & { price: Obj };
  const amount = Number(item.price.unit_amount);
  const currency = String(item.price.currency);
  const invoiceId = newId("in", 24);
  const pi = createPaymentIntent(engine, accountId, {
    amount,
    currency,
    customer: subscription.customer,
    metadata: {},
    description: `Subscription ${reason === "subscription_create" ? "creation" : "update"}`,
    setupFutureUsage: "off_session",
    allowed: (subscription.payment_settings as { payment_method_types?: string[] | null } | undefined)?.payment_method_types ?? null,
  });
  pi._invoice = invoiceId;
  const customer = engine.store.get(accountId, subscription.customer, "customer") as Obj;
  const invoice: Obj = {
    id: invoiceId,
    object: "invoice",
    created: now(),
    amount_due: amount,
    amount_paid: 0,
    amount_remaining: amount,
    attempt_count: 0,
    attempted: false,
    billing_reason: reason,
    collection_method: "charge_automatically",
    currency,
    customer: subscription.customer,
    customer_email: customer.email,
    customer_name: customer.name,
    default_payment_method: null,
    description: null,
    hosted_invoice_url: `${engine.config.baseUrl}/invoices/${invoiceId}`,
    lines: {
      object: "list",
      data: [
        {
          id: newId("il", 24),
          object: "line_item",
          amount,
          currency,
          description: `1 × donation (at ${formatMinor(amount, currency)} / ${String((item.price.recurring as { interval: string }).interval)})`,
          period: { start, end },
          quantity: 1,
          pricing: { type: "price_details", price_details: { price: item.price.id, product: item.price.product } },
        },
      ],
      has_more: false,
      url: `/v1/invoices/${invoiceId}/lines`,
    },
    livemode: false,
    metadata: {},
    number: `SBX-${String(engine.store.all(accountId, "invoice").length + 1).padStart(4, "0")}`,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id },
    },
    period_start: start,
    period_end: end,
    status: "open",
    next_payment_attempt: null,
    status_transitions: { finalized_at: now(), marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: amount,
    test_clock: subscription.test_clock ?? null,
    total: amount,
    _payment_intent: pi.id,
    _client_secret: pi.client_secret,
  };
  engine.store.put(accountId, invoice);
  subscription.latest_invoice = invoiceId;
  engine.store.touch();
  engine.webhooks.emit("invoice.created", publicInvoice(engine, accountId, invoice), accountId);
  engine.webhooks.emit("invoice.finalized", publicInvoice(engine, accountId, invoice), accountId);
  return { invoice, pi };
}

/** The invoice as the API shows it; `payments` and `confirmation_secret` only when asked for. */
export function publicInvoice(engine: Engine, accountId: string, invoice: Obj, include: { payments?: boolean; confirmationSecret?: boolean } = {}): Obj {
  const piId = invoice._payment_intent;
  const secret = invoice._client_secret;
  const result = present(invoice);
  if (include.confirmationSecret) result.confirmation_secret = invoice.status === "open" ? { client_secret: secret, type: "payment_intent" } : null;
  if (include.payments) {
    const pi = engine.store.get<PaymentIntent>(accountId, String(piId), "payment_intent");
    result.payments = {
      object: "list",
      data: pi
        ? [
            {
              id: `inpay_${String(piId).slice(3)}`,
              object: "invoice_payment",
              amount_paid: invoice.status === "paid" ? invoice.amount_paid : null,
              amount_requested: invoice.amount_due,
              created: invoice.created,
              currency: invoice.currency,
              invoice: invoice.id,
              is_default: true,
              livemode: false,
              payment: { type: "payment_intent", payment_intent: pi.id },
              status: invoice.status === "paid" ? "paid" : "open",
              status_transitions: { canceled_at: null, paid_at: (invoice.status_transitions as { paid_at: number | null }).paid_at },
            },
          ]
        : [],
      has_more: false,
      url: `/v1/invoice_payments?invoice=${String(invoice.id)}`,
    };
  }
  return result;
}

/** After a PaymentIntent of an invoice is paid or fails: the invoice and subscription follow. */
export function afterPayment(engine: Engine, pi: PaymentIntent, accountId: string, pm: Obj | undefined, paid: boolean) {
  if (!pi._invoice) return;
  const invoice = engine.store.get(accountId, text(pi._invoice), "invoice");
  if (!invoice) return;
  const subscriptionId = (invoice.parent as { subscription_details: { subscription: string } }).subscription_details.subscription;
  const subscription = engine.store.get<Subscription>(accountId, subscriptionId, "subscription") as Subscription;
  invoice.attempted = true;
  invoice.attempt_count = Number(invoice.attempt_count) + 1;
  const previous = { status: subscription.status };
  if (paid) {
    invoice.status = "paid";
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    (invoice.status_transitions as Record<string, unknown>).paid_at = now();
    if (pm && (subscription.payment_settings as { save_default_payment_method: string }).save_default_payment_method === "on_subscription") {
      subscription.default_payment_method = pm.id;
      pm.customer = subscription.customer;
    }
    subscription.status = "active";
    engine.webhooks.emit("invoice.paid", publicInvoice(engine, accountId, invoice), accountId);
    engine.webhooks.emit("invoice.payment_succeeded", publicInvoice(engine, accountId, invoice), accountId);
    invoice.next_payment_attempt = null;
  } else {
    if (invoice.billing_reason !== "subscription_create") {
      subscription.status = "past_due";
      scheduleRetry(engine, accountId, invoice, subscription);
    }
    // An off-session payment the bank wants authenticated: the customer must act (then it fails too).
    if ((pi.last_payment_error as { code?: string } | null)?.code === "authentication_required") {
      engine.webhooks.emit("invoice.payment_action_required", publicInvoice(engine, accountId, invoice), accountId);
    }
    engine.webhooks.emit("invoice.payment_failed", publicInvoice(engine, accountId, invoice), accountId);
  }
  engine.store.touch();
  if (previous.status !== subscription.status) engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous });
  if (!paid && invoice.billing_reason !== "subscription_create" && invoice.next_payment_attempt === null) endAfterRetries(engine, accountId, subscription);
}

/**
 * Stripe tries a failed renewal again (smart retries); the sandbox follows a fixed schedule: three
 * retries, 3, 5 and 7 days after the first failure, in the subscription's time (its test clock's).
 */
export const RETRY_DAYS = [3, 5, 7];

function scheduleRetry(engine: Engine, accountId: string, invoice: Obj, subscription: Subscription) {
  const time = clockTime(engine, accountId, subscription.test_clock);
  if (invoice._first_failed_at === undefined) invoice._first_failed_at = time;
  const days = RETRY_DAYS[Number(invoice.attempt_count) - 1];
  invoice.next_payment_attempt = days === undefined ? null : Number(invoice._first_failed_at) + days * 86_400;
}

/** Every retry failed: the subscription is canceled (Stripe's default), its invoice left open. */
function endAfterRetries(engine: Engine, accountId: string, subscription: Subscription) {
  if (subscription.status === "canceled") return;
  const time = clockTime(engine, accountId, subscription.test_clock);
  subscription.status = "canceled";
  subscription.canceled_at = time;
  subscription.ended_at = time;
  engine.store.touch();
  engine.webhooks.emit("customer.subscription.deleted", present(subscription), accountId);
}

/**
 * The next attempt of an open renewal invoice (what its test clock, the control API or the console
 * runs): off-session, with the subscription's payment method as it is now, else the customer's.
 */
export function retryInvoice(engine: Engine, accountId: string, invoiceId: string) {
  const invoice = engine.store.get(accountId, invoiceId, "invoice");
  if (!invoice) throw notFound("invoice", invoiceId);
  if (invoice.status !== "open" || typeof invoice.next_payment_attempt !== "number") {
    throw invalid(`Invoice ${invoiceId} has no payment attempt scheduled (it is ${text(invoice.status)}).`);
  }
  const subscriptionId = (invoice.parent as { subscription_details: { subscription: string } }).subscription_details.subscription;
  const subscription = engine.store.get<Subscription>(accountId, subscriptionId, "subscription") as Subscription;
  const customer = engine.store.get(accountId, text(invoice.customer), "customer");
  const pmId =
    subscription.default_payment_method ?? (customer?.invoice_settings as { default_payment_method?: string | null } | undefined)?.default_payment_method;
  const pi = engine.store.get<PaymentIntent>(accountId, text(invoice._payment_intent), "payment_intent") as PaymentIntent;
  if (!pmId) {
    invoice.attempt_count = Number(invoice.attempt_count) + 1;
    afterPaymentFailedWithoutMethod(engine, accountId, invoice, subscription);
    return publicInvoice(engine, accountId, invoice);
  }
  try {
    confirmPaymentIntent(engine, accountId, pi.id, { paymentMethod: pmId, offSession: true });
  } catch {
    // A declined retry is told by events (invoice.payment_failed), not by an API error.
  }
  return publicInvoice(engine, accountId, invoice);
}

function afterPaymentFailedWithoutMethod(engine: Engine, accountId: string, invoice: Obj, subscription: Subscription) {
  scheduleRetry(engine, accountId, invoice, subscription);
  engine.store.touch();
  engine.webhooks.emit("invoice.payment_failed", publicInvoice(engine, accountId, invoice), accountId);
  if (invoice.next_payment_attempt === null) endAfterRetries(engine, accountId, subscription);
}

/** The invoice's InvoicePayments (`GET /v1/invoice_payments?invoice=`), as the `payments` field shows them. */
export function invoicePayments(engine: Engine, accountId: string, invoiceId: string) {
  const invoice = engine.store.get(accountId, invoiceId, "invoice");
  if (!invoice) throw notFound("invoice", invoiceId, "invoice");
  return (publicInvoice(engine, accountId, invoice, { payments: true }).payments as { data: Obj[] }).data;
}

/**
 * POST /v1/invoices/:id/pay: charge the open invoice now, with the given payment method or the
 * subscription's (else the customer's) default, off-session unless told otherwise. A decline answers
 * 402 like a PaymentIntent's; a SEPA debit leaves the invoice open until it settles.
 */
export function payInvoice(
  engine: Engine,
  accountId: string,
  invoiceId: string,
  input: { paymentMethod?: string; offSession?: boolean; paidOutOfBand?: boolean },
) {
  const invoice = engine.store.get(accountId, invoiceId, "invoice");
  if (!invoice) throw notFound("invoice", invoiceId);
  if (invoice.status === "paid") throw invalid("Invoice is already paid");
  if (invoice.status !== "open") throw invalid(`This invoice is ${text(invoice.status)}; only an open invoice can be paid.`);
  const pi = engine.store.get<PaymentIntent>(accountId, text(invoice._payment_intent), "payment_intent") as PaymentIntent;
  if (pi.status === "processing")
    throw invalid("This invoice's payment is processing; wait for it to settle.", undefined, "invoice_payment_intent_requires_action");
  if (input.paidOutOfBand) {
    invoice.paid_out_of_band = true;
    markPaid(engine, accountId, invoice);
    return publicInvoice(engine, accountId, invoice);
  }
  const subscriptionId = (invoice.parent as { subscription_details?: { subscription?: string } }).subscription_details?.subscription;
  const subscription = subscriptionId ? engine.store.get<Subscription>(accountId, subscriptionId, "subscription") : undefined;
  const customer = engine.store.get(accountId, text(invoice.customer), "customer");
  const pmId =
    input.paymentMethod ??
    subscription?.default_payment_method ??
    ((customer?.invoice_settings as { default_payment_method?: string | null } | undefined)?.default_payment_method || undefined);
  if (!pmId) {
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      message: "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
    });
  }
  const paid = confirmPaymentIntent(engine, accountId, pi.id, { paymentMethod: pmId, offSession: input.offSession ?? true });
  if (paid.status === "requires_action") {
    throw invalid("This payment requires additional user action before it can be completed successfully.", undefined, "invoice_payment_intent_requires_action");
  }
  return publicInvoice(engine, accountId, invoice);
}

/** Paid outside Stripe: the invoice is paid and its subscription active, with no charge. */
function markPaid(engine: Engine, accountId: string, invoice: Obj) {
  invoice.status = "paid";
  invoice.amount_paid = 0;
  invoice.amount_remaining = 0;
  (invoice.status_transitions as Record<string, unknown>).paid_at = now();
  engine.store.touch();
  engine.webhooks.emit("invoice.paid", publicInvoice(engine, accountId, invoice), accountId);
  const subscriptionId = (invoice.parent as { subscription_details?: { subscription?: string } }).subscription_details?.subscription;
  const subscription = subscriptionId ? engine.store.get<Subscription>(accountId, subscriptionId, "subscription") : undefined;
  if (subscription && subscription.status !== "active" && subscription.status !== "canceled") {
    const previous = { status: subscription.status };
    subscription.status = "active";
    engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous });
  }
}
