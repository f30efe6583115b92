// /v1/subscriptions and /v1/invoices - recurring donations and the invoices that pay them.
import { bool, int, invalid, metadata, obj, requireStr, str, type Params } from "../wire";
import { EXPAND } from "./params/rules";
import { INVOICE_LIST, SUBSCRIPTION_CANCEL, SUBSCRIPTION_CREATE, SUBSCRIPTION_UPDATE } from "./params/subscriptions";
import { INVOICE_PAY, INVOICE_PAYMENT_LIST } from "./params/setup-intents";
import { listOf, needsAccount, retrieve, type Route } from "./route";

export const subscriptionRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/subscriptions$/,
    params: SUBSCRIPTION_CREATE,
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
        paymentMethodTypes: settings.payment_method_types ? Object.values(settings.payment_method_types as Record<string, unknown>).map(String) : undefined,
      });
    },
  },
  { method: "GET", pattern: /^\/v1\/subscriptions\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => ctx.engine.subscription(ctx.account, m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/subscriptions\/([^/]+)$/,
    params: SUBSCRIPTION_UPDATE,
    handler: (ctx, m) => {
      const p = ctx.params;
      const subscription = ctx.engine.subscription(ctx.account, m[1] as string);
      const items = Array.isArray(p.items) ? (p.items as Params[]) : (Object.values(obj(p, "items") ?? {}) as Params[]);
      if (items.length > 1) throw invalid("The sandbox supports exactly one subscription item.", "items");
      const item = items[0];
      const priceData = item ? obj(item, "price_data") : undefined;
      const pause = p.pause_collection === "" ? null : obj(p, "pause_collection");
      const need = (params: Params, key: string, name: string) => {
        const value = str(params, key);
        if (!value) throw invalid(`Missing required param: ${name}.`, name, "parameter_missing");
        return value;
      };
      const trialEnd = p.trial_end === undefined ? undefined : p.trial_end === "now" ? "now" : int(p, "trial_end");
      return ctx.engine.updateSubscription(ctx.account, subscription.id, {
        metadata: p.metadata !== undefined ? metadata(p, subscription.metadata) : undefined,
        cancelAtPeriodEnd: bool(p, "cancel_at_period_end"),
        defaultPaymentMethod: str(p, "default_payment_method"),
        price:
          item && priceData
            ? {
                itemId: need(item, "id", "items[0][id]"),
                currency: need(priceData, "currency", "items[0][price_data][currency]").toLowerCase(),
                product: need(priceData, "product", "items[0][price_data][product]"),
                unitAmount: Number(need(priceData, "unit_amount", "items[0][price_data][unit_amount]")),
                interval: need(obj(priceData, "recurring") ?? {}, "interval", "items[0][price_data][recurring][interval]"),
              }
            : undefined,
        prorationBehavior: str(p, "proration_behavior"),
        trialEnd,
        pauseCollection:
          pause === null
            ? null
            : pause
              ? { behavior: need(pause, "behavior", "pause_collection[behavior]"), resumesAt: int(pause, "resumes_at") ?? null }
              : undefined,
      });
    },
  },
  {
    method: "DELETE",
    pattern: /^\/v1\/subscriptions\/([^/]+)$/,
    params: SUBSCRIPTION_CANCEL,
    handler: (ctx, m) => {
      const details = obj(ctx.params, "cancellation_details") ?? {};
      return ctx.engine.cancelSubscription(ctx.account, m[1] as string, {
        comment: str(details, "comment") || null,
        feedback: str(details, "feedback") || null,
      });
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/invoices\/([^/]+)$/,
    params: EXPAND,
    handler: (ctx, m) => retrieve(ctx, "invoice", m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/invoices\/([^/]+)\/pay$/,
    params: INVOICE_PAY,
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
    params: INVOICE_PAYMENT_LIST,
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
    params: INVOICE_LIST,
    handler: (ctx) =>
      listOf(ctx, "invoice", "/v1/invoices", {
        subscription: (invoice, subscription) =>
          (invoice.parent as { subscription_details?: { subscription?: string } } | null)?.subscription_details?.subscription === subscription,
        customer: (invoice, customer) => invoice.customer === customer,
        status: (invoice, status) => invoice.status === status,
      }),
  },
];
