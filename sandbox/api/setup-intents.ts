// /v1/setup_intents and /v1/mandates - saving a donor's payment method for later installments:
// created with the secret key, retrieved and confirmed also with the publishable key and the
// client secret (Stripe.js's confirmSetup), canceled.
import { bool, invalid, list, metadata, obj, str } from "../wire";
import type { SetupIntent } from "../engine/setup-intents";
import { EXPAND } from "./params/rules";
import { SETUP_INTENT_CANCEL, SETUP_INTENT_CONFIRM, SETUP_INTENT_CREATE, SETUP_INTENT_RETRIEVE, SETUP_INTENT_UPDATE } from "./params/setup-intents";
import { needsAccount, retrieve, type Context, type Route } from "./route";

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
    params: SETUP_INTENT_CREATE,
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
    params: SETUP_INTENT_RETRIEVE,
    publishable: true,
    handler: (ctx, m) => setupIntentById(ctx, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/v1\/setup_intents\/([^/]+)$/,
    params: SETUP_INTENT_UPDATE,
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
    params: SETUP_INTENT_CONFIRM,
    publishable: true,
    handler: (ctx, m) => ctx.engine.confirmSetupIntent(ctx.account, setupIntentById(ctx, m[1] as string).id, confirmInput(ctx)),
  },
  {
    method: "POST",
    pattern: /^\/v1\/setup_intents\/([^/]+)\/cancel$/,
    params: SETUP_INTENT_CANCEL,
    handler: (ctx, m) => ctx.engine.cancelSetupIntent(ctx.account, m[1] as string, str(ctx.params, "cancellation_reason")),
  },
  { method: "GET", pattern: /^\/v1\/mandates\/([^/]+)$/, params: EXPAND, handler: (ctx, m) => retrieve(ctx, "mandate", m[1] as string) },
];
