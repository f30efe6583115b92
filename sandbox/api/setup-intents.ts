// /v1/setup_intents and /v1/mandates - saving a donor's payment method for later installments:
// created with the secret key, retrieved and confirmed also with the publishable key and the
// client secret (Stripe.js's confirmSetup), canceled.
import { bool, invalid, list, metadata, obj, str, type Spec } from "../wire";
import type { SetupIntent } from "../engine/setup-intents";
import { PAYMENT_METHOD_DATA } from "./payment-methods";
import { any, EXPAND, needsAccount, retrieve, type Context, type Route } from "./route";

const SETUP_INTENT_CONFIRM: Spec = {
  client_secret: any,
  confirmation_token: any,
  expand: any,
  mandate_data: any,
  payment_method: any,
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: any,
  return_url: any,
  use_stripe_sdk: any,
};

const SETUP_INTENT_CREATE: Spec = {
  allowed_payment_method_types: any,
  attach_to_self: any,
  automatic_payment_methods: { enabled: any, allow_redirects: any },
  confirm: any,
  confirmation_token: any,
  customer: any,
  customer_account: any,
  description: any,
  excluded_payment_method_types: any,
  expand: any,
  flow_directions: any,
  mandate_data: any,
  metadata: any,
  on_behalf_of: any,
  payment_method: any,
  payment_method_configuration: any,
  payment_method_data: PAYMENT_METHOD_DATA,
  payment_method_options: any,
  return_url: any,
  single_use: any,
  usage: any,
  use_stripe_sdk: any,
};

function setupIntentById(ctx: Context, id: string): SetupIntent {
  const setup = ctx.engine.setupIntent(ctx.account, id);
  if (ctx.publishable) {
    const secret = str(ctx.params, "client_secret") ?? ctx.query.get("client_secret");
    if (secret !== setup.client_secret) {
      throw invalid(
        "The client_secret provided does not match the client_secret associated with the SetupIntent.",
        "client_secret",
        "setup_intent_invalid_parameter",
      );
    }
  }
  return setup;
}

function confirmInput(ctx: Context) {
  return {
    paymentMethod: str(ctx.params, "payment_method"),
    paymentMethodData: obj(ctx.params, "payment_method_data"),
    returnUrl: str(ctx.params, "return_url"),
  };
}

export const setupIntentRoutes: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/setup_intents$/,
    spec: SETUP_INTENT_CREATE,
    handler: (ctx) => {
      needsAccount(ctx, "SetupIntents for donors");
      const p = ctx.params;
      const allowed = p.allowed_payment_method_types !== undefined ? list(p, "allowed_payment_method_types") : null;
      if (allowed && p.automatic_payment_methods !== undefined) {
        throw invalid(
          "You may only specify one of these parameters: allowed_payment_method_types, automatic_payment_methods.",
          "allowed_payment_method_types",
          "parameters_exclusive",
        );
      }
      const usage = str(p, "usage");
      if (usage !== undefined && usage !== "on_session" && usage !== "off_session")
        throw invalid(`Invalid usage: must be one of on_session or off_session`, "usage");
      const automatic = obj(p, "automatic_payment_methods");
      const setup = ctx.engine.createSetupIntent(ctx.account, {
        customer: str(p, "customer"),
        allowed,
        excluded: list(p, "excluded_payment_method_types"),
        automatic: automatic ? { enabled: bool(automatic, "enabled") ?? true, allow_redirects: str(automatic, "allow_redirects") } : null,
        description: str(p, "description"),
        metadata: metadata(p),
        usage,
        paymentMethod: str(p, "payment_method"),
        idempotencyKey: ctx.idempotencyKey,
      });
      return bool(p, "confirm") ? ctx.engine.confirmSetupIntent(ctx.account, setup.id, confirmInput(ctx)) : setup;
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/setup_intents\/([^/]+)$/,
    spec: { ...EXPAND, client_secret: any },
    publishable: true,
    handler: (ctx, m) => setupIntentById(ctx, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/setup_intents\/([^/]+)$/,
    spec: { customer: any, description: any, metadata: any, payment_method: any, expand: any },
    handler: (ctx, m) => {
      const setup = setupIntentById(ctx, m[1] as string);
      if (setup.status === "succeeded" || setup.status === "canceled") {
        throw invalid(`This SetupIntent's status is ${setup.status}: it can no longer be updated.`, undefined, "setup_intent_unexpected_state");
      }
      const p = ctx.params;
      if (p.metadata !== undefined) setup.metadata = metadata(p, setup.metadata as Record<string, string>);
      if (str(p, "description") !== undefined) setup.description = str(p, "description") ?? null;
      if (str(p, "customer") !== undefined) setup.customer = retrieve(ctx, "customer", str(p, "customer") as string).id;
      if (str(p, "payment_method") !== undefined) setup.payment_method = retrieve(ctx, "payment_method", str(p, "payment_method") as string).id;
      ctx.engine.store.touch();
      return setup;
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/setup_intents\/([^/]+)\/confirm$/,
    spec: SETUP_INTENT_CONFIRM,
    publishable: true,
    handler: (ctx, m) => ctx.engine.confirmSetupIntent(ctx.account, setupIntentById(ctx, m[1] as string).id, confirmInput(ctx)),
  },
  {
    method: "POST",
    pattern: /^\/v1\/setup_intents\/([^/]+)\/cancel$/,
    spec: { cancellation_reason: any, expand: any },
    handler: (ctx, m) => ctx.engine.cancelSetupIntent(ctx.account, m[1] as string, str(ctx.params, "cancellation_reason")),
  },
  { method: "GET", pattern: /^\/v1\/mandates\/([^/]+)$/, spec: EXPAND, handler: (ctx, m) => retrieve(ctx, "mandate", m[1] as string) },
];
