// Stripe's HTTP API (/v1) for every endpoint Amply uses: authentication by secret or publishable
// key, Stripe-Account scoping, Idempotency-Key replay, unknown-parameter refusal and expand[], with
// Stripe's error JSON. The endpoints themselves are in api/, one file per resource; OAuth is in
// api/oauth.ts.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { type Engine } from "./engine";
import { PLATFORM } from "./store";
import { invalid, list, nextRequestId, parseForm, sendError, sendJson, StripeApiError } from "./wire";
import { accountRoutes } from "./api/accounts";
import { balanceRoutes } from "./api/balance";
import { chargeRoutes } from "./api/charges";
import { customerRoutes } from "./api/customers";
import { eventRoutes } from "./api/events";
import { checkExpandDepth, renderExpanded } from "./api/expand";
import { validate } from "./api/params/rules";
import { paymentIntentRoutes } from "./api/payment-intents";
import { paymentMethodRoutes } from "./api/payment-methods";
import { refuseRawCardNumbers } from "./engine/payment-methods";
import { productRoutes } from "./api/products";
import { accessRevoked, type Context, type Route } from "./api/route";
import { setupIntentRoutes } from "./api/setup-intents";
import { subscriptionRoutes } from "./api/subscriptions";
import { testClockRoutes } from "./api/test-clocks";

/** Every endpoint, matched by method and path (the patterns never overlap). */
const routes: Route[] = [
  ...accountRoutes,
  ...paymentIntentRoutes,
  ...setupIntentRoutes,
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...productRoutes,
  ...subscriptionRoutes,
  ...chargeRoutes,
  ...balanceRoutes,
  ...eventRoutes,
  ...testClockRoutes,
];

const IDEMPOTENCY_KEY_LENGTH = 255;
/** The one API version the sandbox answers in: the one stripe 23 pins and Amply sends. */
export const API_VERSION = "2026-10-28.endive";

/**
 * Stripe refuses a Stripe-Version it does not know. Older real versions answer in other shapes the
 * sandbox does not produce, so it refuses those too rather than answer in the wrong shape.
 */
function checkApiVersion(header: string | string[] | undefined) {
  if (header === undefined || header === API_VERSION) return;
  const version = String(header);
  if (/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(version) && version < API_VERSION) {
    throw invalid(`The Stripe sandbox answers only at API version ${API_VERSION}; it cannot answer as ${version} would. Send Stripe-Version: ${API_VERSION}.`);
  }
  throw invalid(`Invalid Stripe API version: ${version}`);
}

function fingerprint(method: string, path: string, body: string) {
  const sorted = [...new URLSearchParams(body)].sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256")
    .update(`${method} ${path} ${JSON.stringify(sorted)}`)
    .digest("hex");
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
    message: key
      ? `Invalid API Key provided: ${shown}`
      : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
  });
}

export async function handleApi(engine: Engine, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
  const method = req.method ?? "GET";
  const requestId = nextRequestId();
  const cors = { "Access-Control-Allow-Origin": "*", "Request-Id": requestId };
  try {
    const auth = authenticate(engine, req);
    const route = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!route) {
      throw new StripeApiError(404, {
        type: "invalid_request_error",
        message: `Unrecognized request URL (${method}: ${url.pathname}). The Stripe sandbox implements the endpoints Amply uses.`,
      });
    }
    if (auth.publishable && !route.publishable) {
      throw new StripeApiError(401, {
        type: "invalid_request_error",
        message: "This API call cannot be made with a publishable API key. Please use a secret API key.",
      });
    }
    const accountHeader = req.headers["stripe-account"];
    const requested = typeof accountHeader === "string" && accountHeader ? accountHeader : null;
    if (requested && !engine.account(requested)) throw accessRevoked(requested);
    const params = method === "GET" || method === "DELETE" ? parseForm(url.search.slice(1)) : parseForm(body);
    if (
      method === "POST" &&
      params.payment_method_types !== undefined &&
      (url.pathname.startsWith("/v1/payment_intents") || url.pathname.startsWith("/v1/setup_intents"))
    ) {
      throw invalid(
        "payment_method_types is no longer supported on this API version (2026-10-28.endive). Use automatic_payment_methods, optionally with excluded_payment_method_types, or allowed_payment_method_types.",
        "payment_method_types",
        "payment_method_types_no_longer_supported",
      );
    }
    if (method === "POST" && !auth.publishable) refuseRawCardNumbers(params);
    validate(params, route.params);
    checkApiVersion(req.headers["stripe-version"]);
    checkExpandDepth(list(params, "expand"));

    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    if (idempotencyKey !== null && idempotencyKey.length > IDEMPOTENCY_KEY_LENGTH) {
      throw invalid(`Idempotency-Key is too long: keys can be at most ${IDEMPOTENCY_KEY_LENGTH} characters, this one has ${idempotencyKey.length}.`);
    }
    const account = requested ?? PLATFORM;
    const cacheKey = idempotencyKey && method === "POST" ? `${account}|${idempotencyKey}` : null;
    const print = cacheKey ? fingerprint(method, url.pathname, body) : "";
    if (cacheKey && engine.store.executing.has(cacheKey)) {
      throw new StripeApiError(409, {
        type: "idempotency_error",
        code: "idempotency_key_in_use",
        message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${idempotencyKey}. Please try again later.`,
      });
    }
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
    if (cacheKey) engine.store.executing.add(cacheKey);
    try {
      if (engine.config.latencyMs) await new Promise((resolve) => setTimeout(resolve, engine.config.latencyMs));
      const result = engine.webhooks.causedBy({ id: requestId, idempotencyKey }, () => route.handler(ctx, route.pattern.exec(url.pathname) as RegExpExecArray));
      payload = renderExpanded(engine, account, result, list(params, "expand"));
    } catch (error) {
      // Stripe saves the outcome of a request that started executing, card declines included.
      if (error instanceof StripeApiError && error.status === 402 && cacheKey) {
        engine.store.idempotency.set(cacheKey, { fingerprint: print, status: 402, body: { error: error.body }, at: Date.now() });
      }
      throw error;
    } finally {
      if (cacheKey) engine.store.executing.delete(cacheKey);
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
