// Stripe's HTTP API (/v1 and /oauth) for every endpoint Amply uses: authentication by secret or
// publishable key, Stripe-Account scoping, Idempotency-Key replay, unknown-parameter refusal,
// pagination and expand[], with Stripe's error JSON.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { type Engine } from "./engine";
import { PLATFORM, present, type StripeObject } from "./store";
import {
  bool,
  checkParams,
  int,
  invalid,
  list,
  metadata,
  notFound,
  obj,
  parseForm,
  requireStr,
  sendError,
  sendJson,
  str,
  StripeApiError,
  type Params,
  type Spec,
} from "./wire";

type Context = {
  engine: Engine;
  account: string;
  connected: boolean;
  publishable: boolean;
  params: Params;
  query: URLSearchParams;
  idempotencyKey: string | null;
};

type Handler = (ctx: Context, match: RegExpExecArray) => unknown;
type Route = { method: string; pattern: RegExp; handler: Handler; spec?: Spec; publishable?: boolean };

const any = true as const;
const EXPAND = { expand: any };
const LIST = { limit: any, starting_after: any, ending_before: any, created: any, expand: any };

const PAYMENT_METHOD_DATA: Spec = {
  type: any,
  card: { number: any, exp_month: any, exp_year: any, cvc: any },
  sepa_debit: { iban: any },
  billing_details: { name: any, email: any, phone: any, address: any },
  ideal: any,
  bancontact: any,
  p24: any,
  eps: any,
  customer_balance: any,
  metadata: any,
};

const PAYMENT_INTENT_CREATE: Spec = {
  amount: any, currency: any, allowed_payment_method_types: any, amount_details: any, application_fee_amount: any,
  automatic_payment_methods: { enabled: any, allow_redirects: any }, capture_method: any, confirm: any,
  confirmation_method: any, confirmation_token: any, customer: any, customer_account: any, description: any,
  error_on_requires_action: any, excluded_payment_method_types: any, expand: any, hooks: any, mandate: any,
  mandate_data: any, metadata: any, off_session: any, on_behalf_of: any, payment_details: any, payment_method: any,
  payment_method_configuration: any, payment_method_data: PAYMENT_METHOD_DATA, payment_method_options: any,
  radar_options: any, receipt_email: any, return_url: any, setup_future_usage: any, shipping: any,
  statement_descriptor: any, statement_descriptor_suffix: any, transfer_data: any, transfer_group: any, use_stripe_sdk: any,
};

const PAYMENT_INTENT_UPDATE: Spec = {
  allowed_payment_method_types: any, amount: any, amount_details: any, application_fee_amount: any, capture_method: any,
  currency: any, customer: any, customer_account: any, description: any, excluded_payment_method_types: any, expand: any,
  hooks: any, metadata: any, payment_details: any, payment_method: any, payment_method_configuration: any,
  payment_method_data: PAYMENT_METHOD_DATA, payment_method_options: any, receipt_email: any, setup_future_usage: any,
  shipping: any, statement_descriptor: any, statement_descriptor_suffix: any, transfer_data: any, transfer_group: any,
};

const PAYMENT_INTENT_CONFIRM: Spec = {
  allowed_payment_method_types: any, amount_details: any, amount_to_confirm: any, capture_method: any, confirmation_token: any,
  error_on_requires_action: any, excluded_payment_method_types: any, expand: any, hooks: any, mandate: any, mandate_data: any,
  off_session: any, payment_details: any, payment_method: any, payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: any, radar_options: any, receipt_email: any, return_url: any, setup_future_usage: any,
  shipping: any, use_stripe_sdk: any, client_secret: any,
};

const CUSTOMER: Spec = {
  address: any, balance: any, business_name: any, cash_balance: any, description: any, email: any, expand: any,
  individual_name: any, invoice_prefix: any, invoice_settings: { default_payment_method: any, custom_fields: any, footer: any, rendering_options: any },
  metadata: any, name: any, next_invoice_sequence: any, payment_method: any, phone: any, preferred_locales: any, shipping: any,
  source: any, tax: any, tax_exempt: any, tax_id_data: any, test_clock: any, validate: any, default_source: any,
};

const SUBSCRIPTION_ITEM: Spec = {
  price: any,
  price_data: { currency: any, product: any, unit_amount: any, unit_amount_decimal: any, recurring: { interval: any, interval_count: any }, tax_behavior: any },
  quantity: any, metadata: any, discounts: any, tax_rates: any, billing_thresholds: any, id: any, deleted: any,
};

const SUBSCRIPTION_CREATE: Spec = {
  add_invoice_items: any, application_fee_percent: any, automatic_tax: any, backdate_start_date: any, billing_cycle_anchor: any,
  billing_cycle_anchor_config: any, billing_mode: any, billing_schedules: any, billing_thresholds: any, cancel_at: any,
  cancel_at_period_end: any, collection_method: any, currency: any, customer: any, customer_account: any, days_until_due: any,
  default_payment_method: any, default_source: any, default_tax_rates: any, description: any, discounts: any, expand: any,
  invoice_settings: any, items: { each: SUBSCRIPTION_ITEM }, metadata: any, off_session: any, on_behalf_of: any,
  payment_behavior: any, payment_settings: { save_default_payment_method: any, payment_method_types: any, payment_method_options: any },
  pending_invoice_item_interval: any, proration_behavior: any, transfer_data: any, trial_end: any, trial_from_plan: any,
  trial_period_days: any, trial_settings: any,
};

const SUBSCRIPTION_UPDATE: Spec = {
  add_invoice_items: any, application_fee_percent: any, automatic_tax: any, billing_cycle_anchor: any, billing_schedules: any,
  billing_thresholds: any, cancel_at: any, cancel_at_period_end: any, cancellation_details: any, collection_method: any,
  days_until_due: any, default_payment_method: any, default_source: any, default_tax_rates: any, description: any, discounts: any,
  expand: any, invoice_settings: any, items: { each: SUBSCRIPTION_ITEM }, metadata: any, off_session: any, on_behalf_of: any,
  pause_collection: any, payment_behavior: any, payment_settings: any, pending_invoice_item_interval: any, proration_behavior: any,
  proration_date: any, transfer_data: any, trial_end: any, trial_from_plan: any, trial_settings: any,
};

// ---------------------------------------------------------------------------------------------

const accessRevoked = (account: string) =>
  new StripeApiError(403, {
    type: "invalid_request_error",
    code: "account_invalid",
    message: `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
  });

function needsAccount(ctx: Context, what: string) {
  if (!ctx.connected) {
    throw invalid(`${what} are direct charges on the organisation's connected account: send the Stripe-Account header.`, undefined, "account_invalid");
  }
}

function paymentIntentById(ctx: Context, id: string) {
  const pi = ctx.engine.intent(ctx.account, id);
  if (ctx.publishable) {
    const secret = str(ctx.params, "client_secret") ?? ctx.query.get("client_secret");
    if (secret !== pi.client_secret) {
      throw invalid("The client_secret provided does not match the client_secret associated with the PaymentIntent.", "client_secret", "payment_intent_invalid_parameter");
    }
  }
  return pi;
}

function listOf(ctx: Context, kind: string, url: string, filter: (item: StripeObject) => boolean = () => true) {
  const source = { ...Object.fromEntries(ctx.query), ...ctx.params } as Params;
  const limit = Math.min(Math.max(int(source, "limit") ?? 10, 1), 100);
  const created = obj(source, "created");
  const inRange = (item: StripeObject) => {
    if (!created) return true;
    const gte = int(created, "gte");
    const lte = int(created, "lte");
    const gt = int(created, "gt");
    const lt = int(created, "lt");
    return (gte === undefined || item.created >= gte) && (lte === undefined || item.created <= lte) && (gt === undefined || item.created > gt) && (lt === undefined || item.created < lt);
  };
  // Newest first, as Stripe lists.
  let items = ctx.engine.store.all(ctx.account, kind).filter((item) => filter(item) && inRange(item)).reverse();
  const after = str(source, "starting_after");
  const before = str(source, "ending_before");
  if (after) {
    const index = items.findIndex((item) => item.id === after);
    if (index < 0) throw notFound(kind, after, "starting_after");
    items = items.slice(index + 1);
  } else if (before) {
    const index = items.findIndex((item) => item.id === before);
    if (index < 0) throw notFound(kind, before, "ending_before");
    items = items.slice(Math.max(0, index - limit), index);
  }
  return { object: "list", url, has_more: items.length > limit, data: items.slice(0, limit) };
}

function paramsAreEmptyOr(value: Params | undefined): Params {
  return value ?? {};
}

// ---------------------------------------------------------------------------------------------

const routes: Route[] = [
  // Accounts ---------------------------------------------------------------------------------
  {
    method: "GET",
    pattern: /^\/v1\/account$/,
    spec: EXPAND,
    handler: (ctx) => {
      const account = ctx.engine.account(ctx.account);
      if (!account) throw invalid("The platform account itself is not available in the sandbox.", undefined, "account_invalid");
      return account;
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/accounts\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => {
      const id = m[1] as string;
      const account = ctx.engine.account(id);
      if (!account || (ctx.connected && ctx.account !== id)) throw accessRevoked(id);
      return account;
    },
  },

  // PaymentIntents ---------------------------------------------------------------------------
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents$/,
    spec: PAYMENT_INTENT_CREATE,
    handler: (ctx) => {
      const p = ctx.params;
      needsAccount(ctx, "PaymentIntents");
      const automatic = obj(p, "automatic_payment_methods");
      const allowed = p.allowed_payment_method_types !== undefined ? list(p, "allowed_payment_method_types") : null;
      const excluded = list(p, "excluded_payment_method_types");
      if (allowed && (automatic || excluded.length)) {
        throw invalid(
          "allowed_payment_method_types cannot be combined with automatic_payment_methods or excluded_payment_method_types.",
          "allowed_payment_method_types",
          "parameters_exclusive",
        );
      }
      if (allowed && allowed.length === 0) throw invalid("allowed_payment_method_types must not be empty.", "allowed_payment_method_types");
      const amount = int(p, "amount");
      if (amount === undefined) throw invalid("Missing required param: amount.", "amount", "parameter_missing");
      const currency = requireStr(p, "currency").toLowerCase();
      const pi = ctx.engine.createPaymentIntent(ctx.account, {
        amount,
        currency,
        automatic: automatic ? { enabled: bool(automatic, "enabled") ?? false, allow_redirects: str(automatic, "allow_redirects") } : null,
        allowed,
        excluded,
        customer: str(p, "customer") ?? null,
        description: str(p, "description") ?? null,
        metadata: metadata(p),
        receiptEmail: str(p, "receipt_email") ?? null,
        statementDescriptorSuffix: str(p, "statement_descriptor_suffix"),
        setupFutureUsage: str(p, "setup_future_usage") ?? null,
        paymentMethodOptions: paramsAreEmptyOr(obj(p, "payment_method_options")),
        idempotencyKey: ctx.idempotencyKey,
      });
      if (bool(p, "confirm")) {
        return ctx.engine.confirmPaymentIntent(ctx.account, pi.id, {
          paymentMethod: str(p, "payment_method"),
          paymentMethodData: obj(p, "payment_method_data"),
          returnUrl: str(p, "return_url"),
          offSession: bool(p, "off_session"),
        });
      }
      return pi;
    },
  },
  { method: "GET", pattern: /^\/v1\/payment_intents$/, spec: { ...LIST, customer: any }, handler: (ctx) => listOf(ctx, "payment_intent", "/v1/payment_intents", (pi) => !ctx.query.get("customer") || pi.customer === ctx.query.get("customer")) },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([^/]+)$/, spec: { client_secret: any, expand: any }, publishable: true, handler: (ctx, m) => paymentIntentById(ctx, m[1] as string) },
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    spec: PAYMENT_INTENT_UPDATE,
    handler: (ctx, m) => {
      const p = ctx.params;
      const pi = ctx.engine.intent(ctx.account, m[1] as string);
      return ctx.engine.updatePaymentIntent(ctx.account, pi.id, {
        amount: int(p, "amount"),
        currency: str(p, "currency")?.toLowerCase(),
        metadata: p.metadata !== undefined ? metadata(p, pi.metadata) : undefined,
        description: str(p, "description"),
        receiptEmail: str(p, "receipt_email"),
        statementDescriptorSuffix: str(p, "statement_descriptor_suffix"),
        customer: str(p, "customer"),
      });
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
    spec: PAYMENT_INTENT_CONFIRM,
    publishable: true,
    handler: (ctx, m) => {
      const p = ctx.params;
      const pi = paymentIntentById(ctx, m[1] as string);
      return ctx.engine.confirmPaymentIntent(ctx.account, pi.id, {
        paymentMethod: str(p, "payment_method"),
        paymentMethodData: obj(p, "payment_method_data"),
        returnUrl: str(p, "return_url"),
        offSession: bool(p, "off_session"),
        paymentMethodOptions: obj(p, "payment_method_options"),
      });
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
    spec: { cancellation_reason: any, expand: any },
    handler: (ctx, m) => ctx.engine.cancelPaymentIntent(ctx.account, m[1] as string, str(ctx.params, "cancellation_reason")),
  },

  // Customers and payment methods ------------------------------------------------------------
  {
    method: "POST",
    pattern: /^\/v1\/customers$/,
    spec: CUSTOMER,
    handler: (ctx) =>
      ctx.engine.createCustomer(ctx.account, {
        email: str(ctx.params, "email"),
        name: str(ctx.params, "name"),
        metadata: metadata(ctx.params),
        defaultPaymentMethod: str(obj(ctx.params, "invoice_settings") ?? {}, "default_payment_method"),
      }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/customers\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "customer") ?? (() => { throw notFound("customer", m[1] as string); })(),
  },
  {
    method: "POST",
    pattern: /^\/v1\/customers\/([^/]+)$/,
    spec: CUSTOMER,
    handler: (ctx, m) => {
      const customer = ctx.engine.store.get(ctx.account, m[1] as string, "customer");
      if (!customer) throw notFound("customer", m[1] as string);
      const p = ctx.params;
      if (str(p, "email") !== undefined) customer.email = str(p, "email");
      if (str(p, "name") !== undefined) customer.name = str(p, "name");
      if (p.metadata !== undefined) customer.metadata = metadata(p, customer.metadata as Record<string, string>);
      const defaultPm = str(obj(p, "invoice_settings") ?? {}, "default_payment_method");
      if (defaultPm) (customer.invoice_settings as Record<string, unknown>).default_payment_method = defaultPm;
      ctx.engine.store.touch();
      ctx.engine.webhooks.emit("customer.updated", customer, ctx.connected ? ctx.account : null);
      return customer;
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/customers\/([^/]+)\/funding_instructions$/,
    spec: { bank_transfer: { type: any, eu_bank_transfer: { country: any }, requested_address_types: any }, currency: any, funding_type: any, expand: any },
    handler: (ctx, m) => {
      needsAccount(ctx, "Bank transfers");
      if (!ctx.engine.store.get(ctx.account, m[1] as string, "customer")) throw notFound("customer", m[1] as string);
      const p = ctx.params;
      if (requireStr(p, "funding_type") !== "bank_transfer") throw invalid("funding_type must be bank_transfer.", "funding_type");
      const bank = obj(p, "bank_transfer") ?? {};
      const currency = requireStr(p, "currency").toLowerCase();
      const instructions = ctx.engine.fundingInstructions(ctx.account, currency, requireStr(bank, "type", "bank_transfer[type]"), str(obj(bank, "eu_bank_transfer") ?? {}, "country"));
      return { object: "funding_instructions", bank_transfer: instructions, currency, funding_type: "bank_transfer", livemode: false };
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_methods$/,
    spec: PAYMENT_METHOD_DATA,
    publishable: true,
    handler: (ctx) => ctx.engine.createPaymentMethod(ctx.account, ctx.params as Record<string, unknown>),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_methods\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "payment_method") ?? (() => { throw notFound("payment_method", m[1] as string); })(),
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_methods\/([^/]+)\/attach$/,
    spec: { customer: any, customer_account: any, expand: any },
    handler: (ctx, m) => ctx.engine.attachPaymentMethod(ctx.account, m[1] as string, requireStr(ctx.params, "customer")),
  },

  // Products and prices ----------------------------------------------------------------------
  {
    method: "POST",
    pattern: /^\/v1\/products$/,
    spec: { name: any, active: any, default_price_data: any, description: any, expand: any, id: any, images: any, marketing_features: any, metadata: any, package_dimensions: any, shippable: any, statement_descriptor: any, tax_code: any, tax_details: any, type: any, unit_label: any, url: any },
    handler: (ctx) => ctx.engine.createProduct(ctx.account, { name: requireStr(ctx.params, "name"), metadata: metadata(ctx.params), id: str(ctx.params, "id") }),
  },
  { method: "GET", pattern: /^\/v1\/products\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "product") ?? (() => { throw notFound("product", m[1] as string); })() },
  {
    method: "POST",
    pattern: /^\/v1\/prices$/,
    spec: { currency: any, active: any, billing_scheme: any, currency_options: any, custom_unit_amount: any, expand: any, lookup_key: any, metadata: any, nickname: any, product: any, product_data: any, recurring: { interval: any, interval_count: any, usage_type: any, meter: any }, tax_behavior: any, tiers: any, tiers_mode: any, transfer_lookup_key: any, transform_quantity: any, unit_amount: any, unit_amount_decimal: any },
    handler: (ctx) => {
      const p = ctx.params;
      const unitAmount = int(p, "unit_amount");
      if (unitAmount === undefined) throw invalid("Missing required param: unit_amount.", "unit_amount", "parameter_missing");
      return ctx.engine.createPrice(ctx.account, { currency: requireStr(p, "currency").toLowerCase(), unitAmount, product: requireStr(p, "product"), interval: str(obj(p, "recurring") ?? {}, "interval"), metadata: metadata(p) });
    },
  },
  { method: "GET", pattern: /^\/v1\/prices\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "price") ?? (() => { throw notFound("price", m[1] as string); })() },

  // Subscriptions and invoices ---------------------------------------------------------------
  {
    method: "POST",
    pattern: /^\/v1\/subscriptions$/,
    spec: SUBSCRIPTION_CREATE,
    handler: (ctx) => {
      needsAccount(ctx, "Subscriptions");
      const p = ctx.params;
      const rawItems = Array.isArray(p.items) ? (p.items as Params[]) : Object.values(obj(p, "items") ?? {}) as Params[];
      const items = rawItems.map((item, index) => {
        const priceData = obj(item, "price_data");
        if (!priceData) return { price: requireStr(item, "price", `items[${index}][`) };
        const unitAmount = int(priceData, "unit_amount");
        if (unitAmount === undefined) throw invalid("Missing required param: items[0][price_data][unit_amount].", `items[${index}][price_data][unit_amount]`, "parameter_missing");
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
  { method: "DELETE", pattern: /^\/v1\/subscriptions\/([^/]+)$/, spec: { cancellation_details: any, expand: any, invoice_now: any, prorate: any }, handler: (ctx, m) => ctx.engine.cancelSubscription(ctx.account, m[1] as string) },
  {
    method: "GET",
    pattern: /^\/v1\/invoices\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "invoice") ?? (() => { throw notFound("invoice", m[1] as string); })(),
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

  // Charges, refunds, balance, payouts, disputes, events ---------------------------------------
  {
    method: "GET",
    pattern: /^\/v1\/charges$/,
    spec: { ...LIST, customer: any, payment_intent: any, transfer_group: any },
    handler: (ctx) => listOf(ctx, "charge", "/v1/charges", (charge) => !ctx.query.get("payment_intent") || charge.payment_intent === ctx.query.get("payment_intent")),
  },
  { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "charge") ?? (() => { throw notFound("charge", m[1] as string); })() },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    spec: { amount: any, charge: any, currency: any, customer: any, expand: any, instructions_email: any, metadata: any, origin: any, payment_intent: any, reason: any, refund_application_fee: any, reverse_transfer: any },
    handler: (ctx) => {
      needsAccount(ctx, "Refunds of donations");
      const p = ctx.params;
      return ctx.engine.createRefund(ctx.account, { charge: str(p, "charge"), paymentIntent: str(p, "payment_intent"), amount: int(p, "amount"), reason: str(p, "reason"), metadata: metadata(p), idempotencyKey: ctx.idempotencyKey });
    },
  },
  { method: "GET", pattern: /^\/v1\/refunds$/, spec: { ...LIST, charge: any, payment_intent: any }, handler: (ctx) => listOf(ctx, "refund", "/v1/refunds", (refund) => (!ctx.query.get("charge") || refund.charge === ctx.query.get("charge")) && (!ctx.query.get("payment_intent") || refund.payment_intent === ctx.query.get("payment_intent"))) },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "refund") ?? (() => { throw notFound("refund", m[1] as string); })() },
  { method: "GET", pattern: /^\/v1\/balance_transactions$/, spec: { ...LIST, payout: any, source: any, type: any, currency: any }, handler: (ctx) => listOf(ctx, "balance_transaction", "/v1/balance_transactions", (txn) => (!ctx.query.get("source") || txn.source === ctx.query.get("source")) && (!ctx.query.get("type") || txn.type === ctx.query.get("type"))) },
  { method: "GET", pattern: /^\/v1\/balance_transactions\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "balance_transaction") ?? (() => { throw notFound("balance_transaction", m[1] as string); })() },
  { method: "GET", pattern: /^\/v1\/payouts$/, spec: { ...LIST, arrival_date: any, destination: any, status: any }, handler: (ctx) => listOf(ctx, "payout", "/v1/payouts") },
  { method: "GET", pattern: /^\/v1\/payouts\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "payout") ?? (() => { throw notFound("payout", m[1] as string); })() },
  { method: "GET", pattern: /^\/v1\/disputes\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => ctx.engine.store.get(ctx.account, m[1] as string, "dispute") ?? (() => { throw notFound("dispute", m[1] as string); })() },
  {
    method: "GET",
    pattern: /^\/v1\/events\/([^/]+)$/,
    spec: EXPAND,
    handler: (ctx, m) => {
      const record = ctx.engine.webhooks.get(m[1] as string);
      if (!record || (record.event.account ?? PLATFORM) !== ctx.account) throw notFound("event", m[1] as string);
      return record.event;
    },
  },

  // Test helpers -----------------------------------------------------------------------------
  {
    method: "POST",
    pattern: /^\/v1\/test_helpers\/customers\/([^/]+)\/fund_cash_balance$/,
    spec: { amount: any, currency: any, expand: any, reference: any },
    handler: (ctx, m) => {
      const p = ctx.params;
      const amount = int(p, "amount");
      if (amount === undefined) throw invalid("Missing required param: amount.", "amount", "parameter_missing");
      const result = ctx.engine.fundCashBalance(ctx.account, m[1] as string, amount, requireStr(p, "currency").toLowerCase(), str(p, "reference"));
      return { id: `ccsbtxn_${Date.now()}`, object: "customer_cash_balance_transaction", created: Math.floor(Date.now() / 1000), currency: requireStr(p, "currency").toLowerCase(), customer: result.customer, ending_balance: result.available[requireStr(p, "currency").toLowerCase()] ?? 0, funded: { bank_transfer: { reference: str(p, "reference") ?? null, type: "eu_bank_transfer" } }, livemode: false, net_amount: amount, type: "funded" };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// expand[]: replace ids by the objects they name (in the same account), as deep as asked.
// ---------------------------------------------------------------------------------------------

function render(engine: Engine, account: string, value: unknown, paths: string[]): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return present(value);
  const object = value as StripeObject;
  const firsts = (segment: string) => paths.filter((p) => p.split(".")[0] === segment).map((p) => p.split(".").slice(1).join(".")).filter(Boolean);
  const out = (object.object === "invoice"
    ? engine.publicInvoice(account, object, { payments: paths.some((p) => p.split(".")[0] === "payments"), confirmationSecret: paths.includes("confirmation_secret") })
    : present(object)) as Record<string, unknown>;
  for (const segment of new Set(paths.map((p) => p.split(".")[0] as string))) {
    const rest = firsts(segment);
    if (segment === "data" && Array.isArray(out.data)) {
      out.data = (out.data as unknown[]).map((item) => {
        const stored = typeof item === "object" && item && "id" in item ? engine.store.get(account, String((item as StripeObject).id)) : undefined;
        return render(engine, account, stored ?? item, rest);
      });
      continue;
    }
    const field = out[segment];
    if (typeof field === "string") {
      const found = engine.store.get(account, field);
      if (found) out[segment] = render(engine, account, found, rest);
    } else if (field && typeof field === "object") {
      const stored = "id" in field ? engine.store.get(account, String((field as StripeObject).id)) : undefined;
      out[segment] = Array.isArray(field) ? field : render(engine, account, stored ?? field, rest);
    } else if (!(segment in out) && segment !== "confirmation_secret" && segment !== "payments") {
      throw invalid(`This property cannot be expanded (${segment}).`, "expand");
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function fingerprint(method: string, path: string, body: string) {
  const sorted = [...new URLSearchParams(body)].sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(`${method} ${path} ${JSON.stringify(sorted)}`).digest("hex");
}

function authenticate(engine: Engine, req: IncomingMessage): { publishable: boolean } {
  const header = req.headers.authorization ?? "";
  let key = "";
  if (header.startsWith("Bearer ")) key = header.slice(7).trim();
  else if (header.startsWith("Basic ")) key = Buffer.from(header.slice(6), "base64").toString().split(":")[0] ?? "";
  if (key === engine.config.secretKey) return { publishable: false };
  if (key === engine.config.publishableKey) return { publishable: true };
  const shown = key ? `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : "";
  throw new StripeApiError(401, {
    type: "invalid_request_error",
    message: key ? `Invalid API Key provided: ${shown}` : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
  });
}

export async function handleApi(engine: Engine, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
  const method = req.method ?? "GET";
  const cors = { "Access-Control-Allow-Origin": "*" };
  try {
    const auth = authenticate(engine, req);
    const route = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      throw new StripeApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}). The Stripe sandbox implements the endpoints Amply uses.` });
    }
    if (auth.publishable && !route.publishable) {
      throw new StripeApiError(401, { type: "invalid_request_error", message: "This API call cannot be made with a publishable API key. Please use a secret API key." });
    }
    const accountHeader = req.headers["stripe-account"];
    const requested = typeof accountHeader === "string" && accountHeader ? accountHeader : null;
    if (requested && !engine.account(requested)) throw accessRevoked(requested);
    const params = method === "GET" || method === "DELETE" ? parseForm(url.search.slice(1)) : parseForm(body);
    if (method === "POST" && params.payment_method_types !== undefined && url.pathname.startsWith("/v1/payment_intents")) {
      throw invalid(
        "payment_method_types is no longer supported on this API version (2026-10-28.endive). Use automatic_payment_methods, optionally with excluded_payment_method_types, or allowed_payment_method_types.",
        "payment_method_types",
        "payment_method_types_no_longer_supported",
      );
    }
    if (route.spec) checkParams(params, route.spec);

    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const account = requested ?? PLATFORM;
    const cacheKey = idempotencyKey && method === "POST" ? `${account}|${idempotencyKey}` : null;
    const print = cacheKey ? fingerprint(method, url.pathname, body) : "";
    if (cacheKey) {
      const previous = engine.store.idempotency.get(cacheKey);
      if (previous) {
        if (previous.fingerprint !== print) {
          throw new StripeApiError(400, {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          });
        }
        return sendJson(res, previous.status, previous.body, { ...cors, "Idempotent-Replayed": "true", "Idempotency-Key": idempotencyKey as string });
      }
    }

    const ctx: Context = { engine, account, connected: Boolean(requested), publishable: auth.publishable, params, query: url.searchParams, idempotencyKey };
    let status = 200;
    let payload: unknown;
    try {
      const result = route.handler(ctx, route.pattern.exec(url.pathname) as RegExpExecArray);
      payload = render(engine, account, result, list(params, "expand"));
    } catch (error) {
      // Stripe saves the outcome of a request that started executing, card declines included.
      if (error instanceof StripeApiError && error.status === 402 && cacheKey) {
        engine.store.idempotency.set(cacheKey, { fingerprint: print, status: 402, body: { error: error.body }, at: Date.now() });
      }
      throw error;
    }
    if (cacheKey) engine.store.idempotency.set(cacheKey, { fingerprint: print, status, body: payload, at: Date.now() });
    status = 200;
    sendJson(res, status, payload, { ...cors, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) });
  } catch (error) {
    if (error instanceof StripeApiError) return sendError(res, error, cors);
    console.error("[stripe-sandbox] internal error", error);
    sendError(res, new StripeApiError(500, { type: "api_error", message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}` }), cors);
  }
}

// ---------------------------------------------------------------------------------------------
// OAuth (Connect, Standard accounts)
// ---------------------------------------------------------------------------------------------

export function handleOAuthApi(engine: Engine, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
  const params = parseForm(body);
  const header = req.headers.authorization ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7) : (str(params, "client_secret") ?? "");
  if (key !== engine.config.secretKey) {
    return sendJson(res, 401, { error: "invalid_client", error_description: "No valid API key provided." });
  }
  if (url.pathname === "/oauth/token") {
    if (str(params, "grant_type") !== "authorization_code") {
      return sendJson(res, 400, { error: "unsupported_grant_type", error_description: `Unsupported grant type: ${str(params, "grant_type") ?? "(none)"}` });
    }
    const result = engine.exchangeOAuthCode(str(params, "code") ?? "");
    return sendJson(res, "error" in result ? 400 : 200, result);
  }
  if (url.pathname === "/oauth/deauthorize") {
    const clientId = str(params, "client_id");
    const accountId = str(params, "stripe_user_id") ?? "";
    if (clientId !== engine.config.clientId) return sendJson(res, 400, { error: "invalid_client", error_description: `No such application: '${clientId ?? ""}'` });
    if (!engine.deauthorize(accountId)) {
      return sendJson(res, 400, { error: "invalid_client", error_description: `This application is not connected to stripe account ${accountId}, or that account does not exist.` });
    }
    return sendJson(res, 200, { stripe_user_id: accountId });
  }
  return sendJson(res, 404, { error: "invalid_request", error_description: "Unknown OAuth endpoint." });
}
