// /v1/payment_intents - direct charges on the connected account: create (and confirm), list,
// retrieve and confirm (also with the publishable key and the client secret), update, cancel.
import { bool, int, invalid, list, metadata, obj, requireStr, str, type Params } from "../wire";
import {
  METHOD_CURRENCIES,
  PAYMENT_INTENT_CANCEL,
  PAYMENT_INTENT_CONFIRM,
  PAYMENT_INTENT_CREATE,
  PAYMENT_INTENT_LIST,
  PAYMENT_INTENT_RETRIEVE,
  PAYMENT_INTENT_UPDATE,
} from "./params/payment-intents";
import { listOf, needsAccount, type Context, type Route } from "./route";

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

/** Each allowed payment method must take the PaymentIntent's currency (iDEAL only takes EUR...). */
function assertMethodsTakeCurrency(methods: string[], currency: string) {
  for (const method of methods) {
    const currencies = METHOD_CURRENCIES[method];
    if (currencies && currencies !== "any" && !currencies.includes(currency)) {
      throw invalid(
        `The currency provided (${currency}) is invalid for one or more payment method types on this PaymentIntent. The payment method type ${method} only supports the following currencies: ${currencies.join(", ")}.`,
        "allowed_payment_method_types",
        "payment_intent_invalid_parameter",
      );
    }
  }
}

function paramsAreEmptyOr(value: Params | undefined): Params {
  return value ?? {};
}

export const paymentIntentRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents$/,
    params: PAYMENT_INTENT_CREATE,
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
      if (allowed) assertMethodsTakeCurrency(allowed, currency);
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
    params: PAYMENT_INTENT_LIST,
    handler: (ctx) => listOf(ctx, "payment_intent", "/v1/payment_intents", { customer: (pi, customer) => pi.customer === customer }),
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    params: PAYMENT_INTENT_RETRIEVE,
    publishable: true,
    handler: (ctx, m) => paymentIntentById(ctx, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    params: PAYMENT_INTENT_UPDATE,
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
    params: PAYMENT_INTENT_CONFIRM,
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
    params: PAYMENT_INTENT_CANCEL,
    handler: (ctx, m) => ctx.engine.cancelPaymentIntent(ctx.account, m[1] as string, str(ctx.params, "cancellation_reason")),
  },
];
