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
    start_date: start,
    status: "incomplete",
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

export function updateSubscription(
  engine: Engine,
  accountId: string,
  id: string,
  changes: { metadata?: Record<string, string>; cancelAtPeriodEnd?: boolean; defaultPaymentMethod?: string; unitAmount?: number },
) {
  const subscription = getSubscription(engine, accountId, id);
  if (subscription.status === "canceled") throw invalid("A canceled subscription can't be updated.", undefined, "resource_missing");
  const previous: Record<string, unknown> = {};
  if (changes.metadata) {
    previous.metadata = subscription.metadata;
    subscription.metadata = changes.metadata;
  }
  if (changes.cancelAtPeriodEnd !== undefined) {
    previous.cancel_at_period_end = subscription.cancel_at_period_end;
    subscription.cancel_at_period_end = changes.cancelAtPeriodEnd;
    subscription.cancel_at = changes.cancelAtPeriodEnd ? (subscription.items.data[0] as unknown as { current_period_end: number }).current_period_end : null;
  }
  if (changes.defaultPaymentMethod) {
    previous.default_payment_method = subscription.default_payment_method;
    subscription.default_payment_method = changes.defaultPaymentMethod;
  }
  if (changes.unitAmount !== undefined) {
    const item = subscription.items.data[0] as Obj & { price: Obj };
    previous.items = structuredClone(subscription.items);
    item.price = createPrice(engine, accountId, {
      currency: String(item.price.currency),
      unitAmount: changes.unitAmount,
      product: String(item.price.product),
      interval: (item.price.recurring as { interval: string }).interval,
    });
  }
  engine.store.touch();
  engine.webhooks.emit("customer.subscription.updated", present(subscription), accountId, { previous });
  return subscription;
}

export function cancelSubscription(engine: Engine, accountId: string, id: string) {
  const subscription = getSubscription(engine, accountId, id);
  if (subscription.status === "canceled") throw invalid(`No such subscription: '${id}' (it is already canceled)`, undefined, "resource_missing");
  subscription.status = "canceled";
  subscription.canceled_at = now();
  subscription.ended_at = now();
  engine.store.touch();
  engine.webhooks.emit("customer.subscription.deleted", present(subscription), accountId);
  return subscription;
}

/** The next billing cycle, charged off-session to the saved payment method (or failing). */
export function advanceSubscription(engine: Engine, accountId: string, id: string, outcome: "paid" | "failed" = "paid") {
  const subscription = getSubscription(engine, accountId, id);
  if (!["active", "past_due"].includes(subscription.status))
    throw invalid(`Subscription ${id} is ${subscription.status}; only active or past_due subscriptions renew.`);
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
