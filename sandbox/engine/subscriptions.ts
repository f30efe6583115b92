// Subscriptions (recurring donations) as Stripe runs them: one item, whose price may be given inline
// with price_data; each billing period is paid by its own invoice (invoices.ts), the first with
// billing_reason subscription_create and renewals with subscription_cycle. A new subscription is
// incomplete until its first invoice is paid (Amply creates it with payment_behavior
// default_incomplete and the donor confirms that payment on the page). A subscription moves to its
// next period when its customer's test clock advances (test-clocks.ts), or by the control API.
import type { Engine } from "../engine";
import { newId, now, present } from "../store";
import { invalid, notFound } from "../wire";
import { failPayment, settleProcessing, succeedPayment } from "./charges";
import { issueInvoice, publicInvoice } from "./invoices";
import type { Obj, Subscription } from "./objects";
import { confirmPaymentIntent } from "./payment-intents";
import { clockTime } from "./test-clocks";
import { createPrice } from "./products";
import { assertAmount } from "./validation";

export function createSubscription(
  engine: Engine,
  accountId: string,
  input: {
    customer: string;
    items: Array<{ price?: string; priceData?: { currency: string; product: string; unitAmount: number; interval: string } }>;
    paymentBehavior?: string;
    defaultPaymentMethod?: string;
    metadata: Record<string, string>;
    description?: string;
    saveDefaultPaymentMethod?: boolean;
    /** payment_settings.payment_method_types: each invoice's PaymentIntent takes only these. */
    paymentMethodTypes?: string[];
  },
): Subscription {
  const account = engine.account(accountId);
  if (!account) throw invalid("Subscriptions for donations are created on the connected account: send Stripe-Account.", undefined, "account_invalid");
  const customer = engine.store.get(accountId, input.customer, "customer");
  if (!customer) throw notFound("customer", input.customer, "customer");
  if (input.items.length !== 1) throw invalid("The sandbox supports exactly one subscription item.", "items");
  const item = input.items[0] as (typeof input.items)[number];
  let price: Obj | undefined;
  if (item.price) price = engine.store.get(accountId, item.price, "price");
  else if (item.priceData) {
    price = createPrice(engine, accountId, {
      currency: item.priceData.currency,
      unitAmount: item.priceData.unitAmount,
      product: item.priceData.product,
      interval: item.priceData.interval,
    });
  }
  if (!price) throw invalid("Each item needs a price or price_data.", "items[0][price]");
  const recurring = price.recurring as { interval: string } | null;
  if (!recurring) throw invalid("The price must be recurring.", "items[0][price]");
  assertAmount(engine, account, Number(price.unit_amount), String(price.currency));
  const start = clockTime(engine, accountId, customer.test_clock);
  const end = periodEnd(start, recurring.interval);
  const id = newId("sub", 24);
  const subscription: Subscription = {
    id,
    object: "subscription",
    created: start,
    billing_cycle_anchor: start,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    collection_method: "charge_automatically",
    currency: price.currency,
    customer: input.customer,
    default_payment_method: input.defaultPaymentMethod ?? null,
    description: input.description ?? null,
    ended_at: null,
    items: {
      object: "list",
      data: [
        {
          id: newId("si", 14),
          object: "subscription_item",
          created: start,
          price,
          quantity: 1,
          subscription: id,
          current_period_start: start,
          current_period_end: end,
          metadata: {},
        },
      ],
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata,
    payment_settings: {
      save_default_payment_method: input.saveDefaultPaymentMethod ? "on_subscription" : "off",
      payment_method_types: input.paymentMethodTypes?.length ? input.paymentMethodTypes : null,
      payment_method_options: null,
    },
    cancellation_details: { comment: null, feedback: null, reason: null },
    pause_collection: null,
    start_date: start,
    status: "incomplete",
    trial_start: null,
    trial_end: null,
    test_clock: customer.test_clock ?? null,
    _behavior: input.paymentBehavior ?? "allow_incomplete",
  };
  engine.store.put(accountId, subscription);
  engine.webhooks.emit("customer.subscription.created", present(subscription), accountId);
  issueInvoice(engine, accountId, subscription, "subscription_create", start, end);
  return subscription;
}

export function periodEnd(start: number, interval: string): number {
  const date = new Date(start * 1000);
  if (interval === "year") date.setUTCFullYear(date.getUTCFullYear() + 1);
  else if (interval === "week") date.setUTCDate(date.getUTCDate() + 7);
  else if (interval === "day") date.setUTCDate(date.getUTCDate() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return Math.floor(date.getTime() / 1000);
}

export function getSubscription(engine: Engine, accountId: string, id: string): Subscription {
  const subscription = engine.store.get<Subscription>(accountId, id, "subscription");
  if (!subscription) throw notFound("subscription", id);
  return subscription;
}

export type SubscriptionChanges = {
  metadata?: Record<string, string>;
  cancelAtPeriodEnd?: boolean;
  defaultPaymentMethod?: string;
  /** A new price_data for the one item, named by its id. */
  price?: { itemId: string; currency: string; product: string; unitAmount: number; interval: string };
  prorationBehavior?: string;
  trialEnd?: number | "now";
  /** null unsets it (resume now). */
  pauseCollection?: { behavior: string; resumesAt: number | null } | null;
};

const sandboxRefuses = (param: string, why: string) =>
  invalid(`The Stripe sandbox refuses this deliberately: ${why}. Real Stripe accepts it; the sandbox would otherwise answer differently.`, param);

/**
 * Stripe's subscription update for what the sandbox implements. A new amount applies from the next
 * invoice; a new interval would make Stripe reset the billing cycle and invoice at once, so the
 * sandbox takes it only with a trial until a given time (the new interval's cycle starts there).
 * Prorations are not simulated: a change Stripe would prorate must say proration_behavior none.
 */
export function updateSubscription(engine: Engine, accountId: string, id: string, changes: SubscriptionChanges) {
  const subscription = getSubscription(engine, accountId, id);
  if (subscription.status === "canceled") throw invalid("A canceled subscription can't be updated.", undefined, "resource_missing");
  const item = subscription.items.data[0] as Obj & { id: string; price: Obj; current_period_start: number; current_period_end: number };
  const time = clockTime(engine, accountId, subscription.test_clock);
  const interval = (item.price.recurring as { interval: string }).interval;
  if (changes.price) {
    if (changes.price.itemId !== item.id) throw notFound("subscription_item", changes.price.itemId, "items[0][id]");
    if (changes.price.currency !== String(item.price.currency)) {
      throw invalid("The price specified does not have the same currency as the subscription's existing prices.", "items[0][price_data][currency]");
    }
    if (changes.price.interval !== interval && changes.trialEnd === undefined) {
      throw sandboxRefuses(
        "trial_end",
        "a new interval makes Stripe reset the billing cycle and invoice at once, which the sandbox does not simulate; send trial_end",
      );
    }
    const account = engine.account(accountId);
    if (account) assertAmount(engine, account, changes.price.unitAmount, changes.price.currency);
  }
  if (changes.price && changes.prorationBehavior !== "none") {
    throw sandboxRefuses("proration_behavior", "it does not simulate prorations; send proration_behavior=none");
  }
  if (changes.trialEnd !== undefined) {
    if (changes.trialEnd === "now") throw sandboxRefuses("trial_end", "trial_end=now is not implemented");
    if (changes.trialEnd <= time) throw invalid("Invalid timestamp: must be an integer Unix timestamp in the future.", "trial_end");
    if (changes.trialEnd > time + 730 * 86_400) throw invalid("Invalid timestamp: can be no more than two years in the future.", "trial_end");
    if (changes.prorationBehavior !== "none") throw sandboxRefuses("proration_behavior", "it does not simulate prorations; send proration_behavior=none");
  }
  if (changes.pauseCollection?.resumesAt != null && changes.pauseCollection.resumesAt <= time) {
    throw invalid("Invalid timestamp: must be an integer Unix timestamp in the future.", "pause_collection[resumes_at]");
  }
  if (changes.defaultPaymentMethod) {
    const pm = engine.store.get(accountId, changes.defaultPaymentMethod, "payment_method");
    if (!pm) throw notFound("payment_method", changes.defaultPaymentMethod, "default_payment_method");
    if (pm.customer !== subscription.customer) {
      throw invalid(
        `The customer does not have a payment method with the ID ${changes.defaultPaymentMethod}. The payment method must be attached to the customer.`,
        "default_payment_method",
      );
    }
  }

  const previous: Record<string, unknown> = {};
  if (changes.metadata) {
    previous.metadata = subscription.metadata;
    subscription.metadata = changes.metadata;
  }
  if (changes.cancelAtPeriodEnd !== undefined) {
    previous.cancel_at_period_end = subscription.cancel_at_period_end;
    subscription.cancel_at_period_end = changes.cancelAtPeriodEnd;
    subscription.cancel_at = changes.cancelAtPeriodEnd ? item.current_period_end : null;
  }
  if (changes.defaultPaymentMethod) {
    previous.default_payment_method = subscription.default_payment_method;
    subscription.default_payment_method = changes.defaultPaymentMethod;
  }
  if (changes.price || changes.trialEnd !== undefined) previous.items = structuredClone(subscription.items);
  if (changes.price) {
    item.price = createPrice(engine, accountId, {
      currency: changes.price.currency,
      unitAmount: changes.price.unitAmount,
      product: changes.price.product,
      interval: changes.price.interval,
    });
  }
  if (typeof changes.trialEnd === "number") {
    // The current period ends at the trial's end, where the next cycle (at the new price) begins.
    Object.assign(previous, { status: subscription.status, trial_start: subscription.trial_start ?? null, trial_end: subscription.trial_end ?? null });
    subscription.status = "trialing";
    subscription.trial_start = time;
    subscription.trial_end = changes.trialEnd;
    subscription.billing_cycle_anchor = changes.trialEnd;
    item.current_period_start = time;
    item.current_period_end = changes.trialEnd;
  }
  if (changes.pauseCollection !== undefined) {
    previous.pause_collection = subscription.pause_collection ?? null;
    subscription.pause_collection = changes.pauseCollection && { behavior: changes.pauseCollection.behavior, resumes_at: changes.pauseCollection.resumesAt };
  }
  engine.store.touch();
  engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous });
  return subscription;
}

/**
 * Before the renewal at the end of the current period: a pause whose resumes_at has come is lifted
 * and a trial that ends here ends. Answers whether collection is still paused for this renewal.
 */
function beforeRenewal(engine: Engine, accountId: string, subscription: Subscription): boolean {
  const at = Number((subscription.items.data[0] as Obj).current_period_end);
  resumeIfDue(engine, accountId, subscription, at);
  if (subscription.status === "trialing") {
    subscription.status = "active";
    engine.store.touch();
    engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous: { status: "trialing" } });
  }
  return Boolean(subscription.pause_collection);
}

/** Lift a pause whose resumes_at is at or before `at`. */
export function resumeIfDue(engine: Engine, accountId: string, subscription: Subscription, at: number) {
  const pause = subscription.pause_collection as { resumes_at: number | null } | null | undefined;
  if (!pause || pause.resumes_at === null || pause.resumes_at > at) return;
  subscription.pause_collection = null;
  engine.store.touch();
  engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous: { pause_collection: pause } });
}

/** A renewal while collection is paused with behavior void: the period's invoice is issued and voided. */
function voidRenewal(engine: Engine, accountId: string, subscription: Subscription) {
  const { invoice, pi } = startNextPeriod(engine, accountId, subscription);
  invoice.status = "void";
  (invoice.status_transitions as Record<string, unknown>).voided_at = Number((subscription.items.data[0] as Obj).current_period_start);
  pi.status = "canceled";
  pi.cancellation_reason = "void_invoice";
  engine.store.touch();
  engine.webhooks.emit("invoice.voided", publicInvoice(engine, accountId, invoice), accountId);
  return { invoice: publicInvoice(engine, accountId, invoice), subscription: present(subscription) };
}

export function cancelSubscription(
  engine: Engine,
  accountId: string,
  id: string,
  details: { comment: string | null; feedback: string | null } = { comment: null, feedback: null },
) {
  const subscription = getSubscription(engine, accountId, id);
  if (subscription.status === "canceled") throw invalid(`No such subscription: '${id}' (it is already canceled)`, undefined, "resource_missing");
  subscription.status = "canceled";
  subscription.cancellation_details = { comment: details.comment, feedback: details.feedback, reason: "cancellation_requested" };
  subscription.canceled_at = now();
  subscription.ended_at = now();
  engine.store.touch();
  engine.webhooks.emit("customer.subscription.deleted", present(subscription), accountId);
  return subscription;
}

/** The next billing cycle, charged off-session to the saved payment method (or failing). */
export function advanceSubscription(engine: Engine, accountId: string, id: string, outcome: "paid" | "failed" = "paid") {
  const subscription = getSubscription(engine, accountId, id);
  if (!["active", "past_due", "trialing"].includes(subscription.status))
    throw invalid(`Subscription ${id} is ${subscription.status}; only active, trialing or past_due subscriptions renew.`);
  if (beforeRenewal(engine, accountId, subscription)) return voidRenewal(engine, accountId, subscription);
  const { invoice, pi } = startNextPeriod(engine, accountId, subscription);
  const pmId = subscription.default_payment_method;
  const pm = pmId ? engine.store.get(accountId, pmId, "payment_method") : undefined;
  if (!pm || outcome === "failed") {
    try {
      if (pm) failPayment(engine, pi, accountId, pm, "card_declined", "Your card was declined.", "generic_decline");
      else {
        engine.webhooks.emit("invoice.payment_failed", publicInvoice(engine, accountId, invoice), accountId);
        subscription.status = "past_due";
        engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous: { status: "active" } });
      }
    } catch {
      // An off-session decline is told by events, not by an API error.
    }
    return { invoice: publicInvoice(engine, accountId, invoice), subscription: present(subscription) };
  }
  pi.payment_method = pm.id;
  if (pm.type === "sepa_debit") {
    confirmPaymentIntent(engine, accountId, pi.id, { paymentMethod: pm.id, offSession: true });
    settleProcessing(engine, accountId, pi.id, "succeeded");
  } else {
    succeedPayment(engine, pi, accountId, pm);
  }
  return { invoice: publicInvoice(engine, accountId, invoice), subscription: present(subscription) };
}

/**
 * The next billing cycle as Stripe runs it when time passes: charged off-session to the
 * subscription's default payment method, else the customer's; the test-card table and SEPA test
 * IBANs decide the outcome (a decline or a 3-D Secure card fails it, a SEPA debit settles).
 */
export function renewSubscription(engine: Engine, accountId: string, id: string) {
  const subscription = getSubscription(engine, accountId, id);
  if (beforeRenewal(engine, accountId, subscription)) return voidRenewal(engine, accountId, subscription);
  const customer = engine.store.get(accountId, subscription.customer, "customer");
  const fallback = (customer?.invoice_settings as { default_payment_method?: string | null } | undefined)?.default_payment_method ?? null;
  const pmId = subscription.default_payment_method ?? fallback;
  const pm = pmId ? engine.store.get(accountId, pmId, "payment_method") : undefined;
  if (!pm) return advanceSubscription(engine, accountId, id, "failed");
  const { invoice, pi } = startNextPeriod(engine, accountId, subscription);
  try {
    confirmPaymentIntent(engine, accountId, pi.id, { paymentMethod: pm.id, offSession: true });
    if (pm.type === "sepa_debit") settleProcessing(engine, accountId, pi.id, "succeeded");
  } catch {
    // An off-session decline is told by events (invoice.payment_failed), not by an API error.
  }
  return { invoice: publicInvoice(engine, accountId, invoice), subscription: present(subscription) };
}

/** Move the subscription's item into its next period and issue that period's invoice. */
function startNextPeriod(engine: Engine, accountId: string, subscription: Subscription) {
  const item = subscription.items.data[0] as Obj & { price: Obj; current_period_end: number; current_period_start: number };
  const start = item.current_period_end;
  const end = periodEnd(start, (item.price.recurring as { interval: string }).interval);
  item.current_period_start = start;
  item.current_period_end = end;
  return issueInvoice(engine, accountId, subscription, "subscription_cycle", start, end);
}
