// /v1/payment_intents - direct charges on the connected account: create (and confirm), list,
// retrieve and confirm (also with the publishable key and the client secret), update, cancel.
import { bool, int, invalid, list, metadata, obj, requireStr, str, type Params, type Spec } from "../wire";
import { PAYMENT_METHOD_DATA } from "./payment-methods";
import { any, LIST, listOf, needsAccount, type Context, type Route } from "./route";

const PAYMENT_INTENT_CREATE: Spec = {
  amount: any,
  currency: any,
  allowed_payment_method_types: any,
  amount_details: any,
  application_fee_amount: any,
  automatic_payment_methods: { enabled: any, allow_redirects: any },
  capture_method: any,
  confirm: any,
  confirmation_method: any,
  confirmation_token: any,
  customer: any,
  customer_account: any,
  description: any,
  error_on_requires_action: any,
  excluded_payment_method_types: any,
  expand: any,
  hooks: any,
  mandate: any,
  mandate_data: any,
  metadata: any,
  off_session: any,
  on_behalf_of: any,
  payment_details: any,
  payment_method: any,
  payment_method_configuration: any,
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: any,
  radar_options: any,
  receipt_email: any,
  return_url: any,
  setup_future_usage: any,
  shipping: any,
  statement_descriptor: any,
  statement_descriptor_suffix: any,
  transfer_data: any,
  transfer_group: any,
  use_stripe_sdk: any,
};

const PAYMENT_INTENT_UPDATE: Spec = {
  allowed_payment_method_types: any,
  amount: any,
  amount_details: any,
  application_fee_amount: any,
  capture_method: any,
  currency: any,
  customer: any,
  customer_account: any,
  description: any,
  excluded_payment_method_types: any,
  expand: any,
  hooks: any,
  metadata: any,
  payment_details: any,
  payment_method: any,
  payment_method_configuration: any,
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: any,
  receipt_email: any,
  setup_future_usage: any,
  shipping: any,
  statement_descriptor: any,
  statement_descriptor_suffix: any,
  transfer_data: any,
  transfer_group: any,
};

const PAYMENT_INTENT_CONFIRM: Spec = {
  allowed_payment_method_types: any,
  amount_details: any,
  amount_to_confirm: any,
  capture_method: any,
  confirmation_token: any,
  error_on_requires_action: any,
  excluded_payment_method_types: any,
  expand: any,
  hooks: any,
  mandate: any,
  mandate_data: any,
  off_session: any,
  payment_details: any,
  payment_method: any,
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: any,
  radar_options: any,
  receipt_email: any,
  return_url: any,
  setup_future_usage: any,
  shipping: any,
  use_stripe_sdk: any,
  client_secret: any,
};

function paymentIntentById(ctx: Context, id: string) {
  const pi = ctx.engine.intent(ctx.account, id);
  if (ctx.publishable) {
    const secret = str(ctx.params, "client_secret") ?? ctx.query.get("client_secret");
    if (secret !== pi.client_secret) {
      throw invalid(
        "The client_secret provided does not match the client_secret associated with the PaymentIntent.",
        "client_secret",
        "payment_intent_invalid_parameter",
      );
    }
  }
  return pi;
}

function paramsAreEmptyOr(value: Params | undefined): Params {
  return value ?? {};
}

export const paymentIntentRoutes: Route[] = [
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
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents$/,
    spec: { ...LIST, customer: any },
    handler: (ctx) => listOf(ctx, "payment_intent", "/v1/payment_intents", (pi) => !ctx.query.get("customer") || pi.customer === ctx.query.get("customer")),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    spec: { client_secret: any, expand: any },
    publishable: true,
    handler: (ctx, m) => paymentIntentById(ctx, m[1] as string),
  },
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
];
