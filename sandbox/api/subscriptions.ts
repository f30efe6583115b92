// /v1/subscriptions and /v1/invoices - recurring donations and the invoices that pay them.
import { bool, int, invalid, metadata, obj, requireStr, str, type Params, type Spec } from "../wire";
import { any, EXPAND, LIST, listOf, needsAccount, retrieve, type Route } from "./route";

const SUBSCRIPTION_ITEM: Spec = {
  price: any,
  price_data: { currency: any, product: any, unit_amount: any, unit_amount_decimal: any, recurring: { interval: any, interval_count: any }, tax_behavior: any },
  quantity: any,
  metadata: any,
  discounts: any,
  tax_rates: any,
  billing_thresholds: any,
  id: any,
  deleted: any,
};

const SUBSCRIPTION_CREATE: Spec = {
  add_invoice_items: any,
  application_fee_percent: any,
  automatic_tax: any,
  backdate_start_date: any,
  billing_cycle_anchor: any,
  billing_cycle_anchor_config: any,
  billing_mode: any,
  billing_schedules: any,
  billing_thresholds: any,
  cancel_at: any,
  cancel_at_period_end: any,
  collection_method: any,
  currency: any,
  customer: any,
  customer_account: any,
  days_until_due: any,
  default_payment_method: any,
  default_source: any,
  default_tax_rates: any,
  description: any,
  discounts: any,
  expand: any,
  invoice_settings: any,
  items: { each: SUBSCRIPTION_ITEM },
  metadata: any,
  off_session: any,
  on_behalf_of: any,
  payment_behavior: any,
  payment_settings: { save_default_payment_method: any, payment_method_types: any, payment_method_options: any },
  pending_invoice_item_interval: any,
  proration_behavior: any,
  transfer_data: any,
  trial_end: any,
  trial_from_plan: any,
  trial_period_days: any,
  trial_settings: any,
};

const SUBSCRIPTION_UPDATE: Spec = {
  add_invoice_items: any,
  application_fee_percent: any,
  automatic_tax: any,
  billing_cycle_anchor: any,
  billing_schedules: any,
  billing_thresholds: any,
  cancel_at: any,
  cancel_at_period_end: any,
  cancellation_details: any,
  collection_method: any,
  days_until_due: any,
  default_payment_method: any,
  default_source: any,
  default_tax_rates: any,
  description: any,
  discounts: any,
  expand: any,
  invoice_settings: any,
  items: { each: SUBSCRIPTION_ITEM },
  metadata: any,
  off_session: any,
  on_behalf_of: any,
  pause_collection: any,
  payment_behavior: any,
  payment_settings: any,
  pending_invoice_item_interval: any,
  proration_behavior: any,
  proration_date: any,
  transfer_data: any,
  trial_end: any,
  trial_from_plan: any,
  trial_settings: any,
};

export const subscriptionRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/subscriptions$/,
    spec: SUBSCRIPTION_CREATE,
    handler: (ctx) => {
      needsAccount(ctx, "Subscriptions");
      const p = ctx.params;
      const rawItems = Array.isArray(p.items) ? (p.items as Params[]) : (Object.values(obj(p, "items") ?? {}) as Params[]);
      const items = rawItems.map((item, index) => {
        const priceData = obj(item, "price_data");
        if (!priceData) return { price: requireStr(item, "price", `items[${index}][`) };
        const unitAmount = int(priceData, "unit_amount");
        if (unitAmount === undefined)
          throw invalid("Missing required param: items[0][price_data][unit_amount].", `items[${index}][price_data][unit_amount]`, "parameter_missing");
        return {
          priceData: {
            currency: requireStr(priceData, "currency", `items[${index}][price_data][`).toLowerCase(),
            product: requireStr(priceData, "product", `items[${index}][price_data][`),
            unitAmount,
            interval: requireStr(obj(priceData, "recurring") ?? {}, "interval", `items[${index}][price_data][recurring][`),
          },
        };
      });
      const settings = obj(p, "payment_settings") ?? {};
      return ctx.engine.createSubscription(ctx.account, {
        customer: requireStr(p, "customer"),
        items,
        paymentBehavior: str(p, "payment_behavior"),
        defaultPaymentMethod: str(p, "default_payment_method"),
        metadata: metadata(p),
        description: str(p, "description"),
        saveDefaultPaymentMethod: str(settings, "save_default_payment_method") === "on_subscription",
      });
    },
  },
  { method: "GET", pattern: /^\/v1\/subscriptions\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.subscription(ctx.account, m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/subscriptions\/([^/]+)$/,
    spec: SUBSCRIPTION_UPDATE,
    handler: (ctx, m) => {
      const p = ctx.params;
      const subscription = ctx.engine.subscription(ctx.account, m[1] as string);
      const items = Array.isArray(p.items) ? (p.items as Params[]) : [];
      const priceData = items[0] ? obj(items[0], "price_data") : undefined;
      return ctx.engine.updateSubscription(ctx.account, subscription.id, {
        metadata: p.metadata !== undefined ? metadata(p, subscription.metadata) : undefined,
        cancelAtPeriodEnd: bool(p, "cancel_at_period_end"),
        defaultPaymentMethod: str(p, "default_payment_method"),
        unitAmount: priceData ? int(priceData, "unit_amount") : undefined,
      });
    },
  },
  {
    method: "DELETE",
    pattern: /^\/v1\/subscriptions\/([^/]+)$/,
    spec: { cancellation_details: any, expand: any, invoice_now: any, prorate: any },
    handler: (ctx, m) => ctx.engine.cancelSubscription(ctx.account, m[1] as string),
  },
  {
    method: "GET",
    pattern: /^\/v1\/invoices\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "invoice", m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/invoices\/([^/]+)\/pay$/,
    spec: { expand: any, forgive: any, mandate: any, off_session: any, paid_out_of_band: any, payment_method: any, source: any },
    handler: (ctx, m) =>
      ctx.engine.payInvoice(ctx.account, m[1] as string, {
        paymentMethod: str(ctx.params, "payment_method"),
        offSession: bool(ctx.params, "off_session"),
        paidOutOfBand: bool(ctx.params, "paid_out_of_band"),
      }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/invoice_payments$/,
    spec: { ...LIST, invoice: any, payment: any, status: any },
    handler: (ctx) => {
      const invoice = ctx.query.get("invoice");
      if (!invoice) throw invalid("The sandbox lists invoice payments of one invoice: pass invoice.", "invoice", "parameter_missing");
      const data = ctx.engine.invoicePayments(ctx.account, invoice);
      return { object: "list", url: "/v1/invoice_payments", has_more: false, data };
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/invoices$/,
    spec: { ...LIST, subscription: any, customer: any, status: any },
    handler: (ctx) =>
      listOf(ctx, "invoice", "/v1/invoices", (invoice) => {
        const subscription = ctx.query.get("subscription");
        return !subscription || (invoice.parent as { subscription_details?: { subscription?: string } }).subscription_details?.subscription === subscription;
      }),
  },
];
