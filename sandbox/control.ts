// The control API, like `stripe trigger`: tests and demos make "Stripe" do what a person or a bank
// would do on its side (refund from the Dashboard, open a dispute, pay out, settle a debit...).
// JSON in and out, authenticated with the sandbox's secret key.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "./engine";
import type { RefundStatus } from "./engine/refunds";
import { present, type StripeObject } from "./store";
import { notFound, sendError, sendJson, StripeApiError } from "./wire";

type Body = Record<string, unknown>;

const REFUND_STATUSES = new Set(["pending", "requires_action", "succeeded"]);
type Action = (engine: Engine, match: RegExpExecArray, body: Body, url: URL) => unknown;

function owner(engine: Engine, id: string, kind: string) {
  const found = engine.store.locate(id);
  if (!found || found.object.object !== kind) throw notFound(kind, id);
  return found;
}

const text = (body: Body, key: string) => (typeof body[key] === "string" ? body[key] : undefined);
const num = (body: Body, key: string) => (typeof body[key] === "number" ? body[key] : undefined);

const actions: Array<{ method: string; pattern: RegExp; run: Action }> = [
  {
    method: "POST",
    pattern: /^\/_sandbox\/reset$/,
    run: (engine) => {
      engine.stopCaptures();
      engine.store.reset();
      engine.webhooks.reset();
      return { reset: true };
    },
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/accounts$/,
    run: (engine, _m, body) =>
      present(
        engine.createAccount({
          country: text(body, "country"),
          email: text(body, "email") ?? null,
          businessName: text(body, "business_name") ?? null,
          ready: body.ready !== false,
          defaultCurrency: text(body, "default_currency"),
          bankTransfers: body.bank_transfers !== false,
        }),
      ),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/accounts\/([^/]+)$/,
    run: (engine, m, body) =>
      present(
        engine.updateAccount(m[1] as string, {
          charges_enabled: body.charges_enabled as boolean | undefined,
          payouts_enabled: body.payouts_enabled as boolean | undefined,
          details_submitted: body.details_submitted as boolean | undefined,
          currently_due: body.currently_due as string[] | undefined,
          disabled_reason: body.disabled_reason as string | null | undefined,
          bank_transfer_payments: body.bank_transfer_payments as boolean | undefined,
        }),
      ),
  },
  // An authorization code for an existing account, as if its owner went through consent again.
  { method: "POST", pattern: /^\/_sandbox\/accounts\/([^/]+)\/oauth_code$/, run: (engine, m) => ({ code: engine.issueOAuthCode(m[1] as string) }) },
  { method: "POST", pattern: /^\/_sandbox\/accounts\/([^/]+)\/deauthorize$/, run: (engine, m) => ({ deauthorized: engine.deauthorize(m[1] as string) }) },
  {
    method: "POST",
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/payout$/,
    run: (engine, m, body) => engine.payout(m[1] as string, body.outcome === "failed" ? "failed" : body.outcome === "pending" ? "pending" : "paid"),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/payouts\/([^/]+)\/advance$/,
    run: (engine, m) => engine.advancePayout(owner(engine, m[1] as string, "payout").account, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/payouts\/([^/]+)\/fail$/,
    run: (engine, m) => engine.failPayout(owner(engine, m[1] as string, "payout").account, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/api_version$/,
    run: (engine, m, body) => {
      owner(engine, m[1] as string, "account");
      engine.webhooks.setApiVersion(m[1] as string, text(body, "api_version") ?? null);
      return { account: m[1], api_version: engine.webhooks.apiVersion(m[1] as string) };
    },
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/pricing$/,
    run: (engine, m, body) => {
      engine.setPricing(m[1] as string, { percentBps: num(body, "percent_bps") ?? 150, fixed: num(body, "fixed") ?? 25 });
      return { ok: true };
    },
  },
  // How this account's captures complete: after `delay_ms`, or `hold` them until released below.
  {
    method: "POST",
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/capture$/,
    run: (engine, m, body) => {
      const settings = { delayMs: num(body, "delay_ms"), hold: body.hold === true };
      engine.captureSettings.set(m[1] as string, settings);
      return { delay_ms: settings.delayMs ?? null, hold: settings.hold };
    },
  },
  // Complete a charge's pending capture now: its balance transaction is booked, charge.updated sent.
  {
    method: "POST",
    pattern: /^\/_sandbox\/charges\/([^/]+)\/capture$/,
    run: (engine, m) => engine.completeCapture(owner(engine, m[1] as string, "charge").account, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/charges\/([^/]+)\/refund$/,
    run: (engine, m, body) => {
      const { account } = owner(engine, m[1] as string, "charge");
      const status = text(body, "status");
      if (status !== undefined && !REFUND_STATUSES.has(status))
        throw new StripeApiError(400, { type: "invalid_request_error", message: `A new refund is pending, requires_action or succeeded, not ${status}.` });
      return engine.createRefund(account, {
        charge: m[1],
        amount: num(body, "amount"),
        reason: text(body, "reason") ?? "requested_by_customer",
        metadata: {},
        status: status as RefundStatus | undefined,
      });
    },
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/refunds\/([^/]+)\/fail$/,
    run: (engine, m) => engine.failRefund(owner(engine, m[1] as string, "refund").account, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/refunds\/([^/]+)\/settle$/,
    run: (engine, m, body) =>
      engine.settleRefund(owner(engine, m[1] as string, "refund").account, m[1] as string, body.outcome === "failed" ? "failed" : "succeeded"),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/refunds\/([^/]+)\/cancel$/,
    run: (engine, m) => engine.cancelRefund(owner(engine, m[1] as string, "refund").account, m[1] as string),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/charges\/([^/]+)\/dispute$/,
    run: (engine, m, body) => engine.openDispute(owner(engine, m[1] as string, "charge").account, m[1] as string, text(body, "reason"), body.inquiry === true),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/disputes\/([^/]+)\/update$/,
    run: (engine, m, body) => engine.updateDispute(owner(engine, m[1] as string, "dispute").account, m[1] as string, text(body, "status") ?? "under_review"),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/disputes\/([^/]+)\/close$/,
    run: (engine, m, body) =>
      engine.closeDispute(
        owner(engine, m[1] as string, "dispute").account,
        m[1] as string,
        body.outcome === "lost" || body.outcome === "warning_closed" ? body.outcome : "won",
      ),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/payment_intents\/([^/]+)\/settle$/,
    run: (engine, m, body) =>
      present(
        engine.settleProcessing(owner(engine, m[1] as string, "payment_intent").account, m[1] as string, body.outcome === "failed" ? "failed" : "succeeded"),
      ),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/payment_intents\/([^/]+)\/authenticate$/,
    run: (engine, m, body) =>
      present(engine.completeAction(owner(engine, m[1] as string, "payment_intent").account, m[1] as string, body.outcome === "fail" ? "fail" : "succeed")),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/setup_intents\/([^/]+)\/authenticate$/,
    run: (engine, m, body) =>
      present(engine.completeSetupAction(owner(engine, m[1] as string, "setup_intent").account, m[1] as string, body.outcome === "fail" ? "fail" : "succeed")),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/customers\/([^/]+)\/fund$/,
    run: (engine, m, body) =>
      engine.fundCashBalance(
        owner(engine, m[1] as string, "customer").account,
        m[1] as string,
        num(body, "amount") ?? 0,
        (text(body, "currency") ?? "eur").toLowerCase(),
        text(body, "reference"),
      ),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/subscriptions\/([^/]+)\/advance$/,
    run: (engine, m, body) =>
      engine.advanceSubscription(owner(engine, m[1] as string, "subscription").account, m[1] as string, body.outcome === "failed" ? "failed" : "paid"),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/invoices\/([^/]+)\/retry$/,
    run: (engine, m) => engine.retryInvoice(owner(engine, m[1] as string, "invoice").account, m[1] as string),
  },
  {
    method: "GET",
    pattern: /^\/_sandbox\/events$/,
    run: (engine, _m, _b, url) => ({
      data: engine.webhooks.list({ type: url.searchParams.get("type") ?? undefined, account: url.searchParams.get("account") ?? undefined }),
    }),
  },
  {
    method: "POST",
    pattern: /^\/_sandbox\/events\/([^/]+)\/redeliver$/,
    run: (engine, m, body) => {
      if (!engine.webhooks.redeliver(m[1] as string, num(body, "times") ?? 1)) throw notFound("event", m[1] as string);
      return { redelivered: m[1] };
    },
  },
  // A lost webhook: the next event of this type (for this account, or the platform's) is recorded but never delivered.
  {
    method: "POST",
    pattern: /^\/_sandbox\/webhooks\/skip$/,
    run: (engine, _m, body) => {
      const type = text(body, "type");
      if (!type) throw new StripeApiError(400, { type: "invalid_request_error", message: "Name the event type to skip." });
      engine.webhooks.skipNext(type, text(body, "account") ?? null);
      return { skipping: type, account: text(body, "account") ?? null };
    },
  },
  { method: "POST", pattern: /^\/_sandbox\/webhooks\/pause$/, run: (engine) => (engine.webhooks.pause(), { paused: true }) },
  {
    method: "POST",
    pattern: /^\/_sandbox\/webhooks\/release$/,
    run: (engine, _m, body) => ({
      released: engine.webhooks.release(body.order === "reverse" ? "reverse" : body.order === "shuffle" ? "shuffle" : "in_order"),
    }),
  },
  { method: "POST", pattern: /^\/_sandbox\/webhooks\/idle$/, run: async (engine) => (await engine.webhooks.idle(), { idle: true }) },
  {
    method: "GET",
    pattern: /^\/_sandbox\/objects\/([^/]+)$/,
    run: (engine, m) => {
      const found = engine.store.locate<StripeObject>(m[1] as string);
      if (!found) throw notFound("object", m[1] as string);
      return { account: found.account, object: present(found.object) };
    },
  },
];

export async function handleControl(engine: Engine, req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
  try {
    if (req.headers.authorization !== `Bearer ${engine.config.secretKey}`) {
      throw new StripeApiError(401, { type: "authentication_error", message: "The control API takes the sandbox's secret key as a Bearer token." });
    }
    const action = actions.find((a) => a.method === req.method && a.pattern.test(url.pathname));
    if (!action) throw new StripeApiError(404, { type: "invalid_request_error", message: `No control action ${req.method} ${url.pathname}.` });
    let parsed: Body = {};
    if (body) {
      try {
        parsed = JSON.parse(body) as Body;
      } catch {
        throw new StripeApiError(400, { type: "invalid_request_error", message: "The control API takes a JSON body." });
      }
    }
    const result = await action.run(engine, action.pattern.exec(url.pathname) as RegExpExecArray, parsed, url);
    sendJson(res, 200, present(result));
  } catch (error) {
    if (error instanceof StripeApiError) return sendError(res, error);
    console.error("[stripe-sandbox] control error", error);
    sendError(res, new StripeApiError(500, { type: "api_error", message: error instanceof Error ? error.message : String(error) }));
  }
}
