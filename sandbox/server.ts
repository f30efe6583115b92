// Amply's offline Stripe sandbox: one loopback HTTP server that answers as Stripe's API, Connect
// OAuth, Stripe.js and webhooks do, with a console at its root for the person at this machine. Started by `npm run dev` when no STRIPE_SECRET_KEY is
// configured, by the tests, and by Playwright. Never used with real Stripe keys.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { handleApi } from "./api";
import { handleOAuthApi } from "./api/oauth";
import { isConsolePath, sandboxConsole } from "./console/routes";
import { handleControl } from "./control";
import { Engine, type SandboxConfig } from "./engine";
import {
  accountDashboardDecision,
  accountDashboardPage,
  authorizeDecision,
  authorizePage,
  bankTransferPage,
  challengeDecision,
  challengePage,
  page,
  redirectDecision,
  redirectPage,
} from "./pages";
import { readBody } from "./wire";

export const SANDBOX_KEYS = {
  secretKey: "sk_test_sandbox_amply",
  publishableKey: "pk_test_sandbox_amply",
  clientId: "ca_sandbox_amply",
  platformWebhookSecret: "whsec_sandbox_platform",
  connectWebhookSecret: "whsec_sandbox_connect",
} as const;

export type SandboxOptions = {
  port?: number;
  host?: string;
  /** Amply's webhook endpoint (both the platform and the Connect endpoint). */
  webhookUrl?: string;
  /** Connect OAuth redirect URIs registered for the platform. */
  redirectUris?: string[];
  stateFile?: string;
  retryBaseMs?: number;
  eurRates?: Record<string, string>;
  /** Delay before a successful charge's balance transaction is booked (default 300 ms). */
  captureDelayMs?: number;
  quiet?: boolean;
  /**
   * How long each API request takes, as on Stripe: while a request with an Idempotency-Key is
   * executing, another with the same key gets 409 idempotency_key_in_use.
   */
  latencyMs?: number;
};

export type RunningSandbox = {
  url: string;
  port: number;
  engine: Engine;
  keys: typeof SANDBOX_KEYS;
  /** The environment Amply needs to use this sandbox. */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

const stripeJs = readFileSync(path.join(import.meta.dirname, "stripe-js", "stripe.js"), "utf8");

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  let baseUrl = "";
  const config: SandboxConfig = {
    secretKey: SANDBOX_KEYS.secretKey,
    publishableKey: SANDBOX_KEYS.publishableKey,
    clientId: SANDBOX_KEYS.clientId,
    redirectUris: options.redirectUris ?? [],
    get baseUrl() {
      return baseUrl;
    },
    webhooks: {
      url: options.webhookUrl,
      platformSecret: SANDBOX_KEYS.platformWebhookSecret,
      connectSecret: SANDBOX_KEYS.connectWebhookSecret,
      retryBaseMs: options.retryBaseMs,
    },
    eurRates: options.eurRates,
    stateFile: options.stateFile,
    latencyMs: options.latencyMs,
    captureDelayMs: options.captureDelayMs,
  };
  const engine = new Engine(config);
  const handleConsole = sandboxConsole(engine);

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", baseUrl || "http://localhost");
      const method = req.method ?? "GET";
      if (method === "OPTIONS") {
        res.writeHead(204, {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": "GET, POST, DELETE",
          "Access-Control-Allow-Headers": "Authorization, Content-Type, Stripe-Account, Stripe-Version, Idempotency-Key",
          "Access-Control-Max-Age": "600",
        });
        return res.end();
      }
      try {
        const body = method === "GET" ? "" : await readBody(req);
        const p = url.pathname;
        if (p.startsWith("/v1/")) return await handleApi(engine, req, res, url, body);
        if (p === "/oauth/token" || p === "/oauth/deauthorize") return handleOAuthApi(engine, req, res, url, body);
        if (p === "/oauth/authorize") return method === "POST" ? authorizeDecision(res, engine, new URLSearchParams(body)) : authorizePage(res, engine, url);
        if (p.startsWith("/_sandbox/")) return await handleControl(engine, req, res, url, body);
        if (p === "/endive/stripe.js" || p === "/v3/stripe.js" || p === "/v3") {
          res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" });
          return res.end(stripeJs);
        }
        const authenticate = /^\/authenticate\/([^/]+)$/.exec(p);
        if (authenticate)
          return method === "POST"
            ? challengeDecision(res, engine, authenticate[1] as string, new URLSearchParams(body))
            : challengePage(res, engine, authenticate[1] as string, url);
        const redirect = /^\/redirect\/([^/]+)$/.exec(p);
        if (redirect)
          return method === "POST"
            ? redirectDecision(res, engine, redirect[1] as string, new URLSearchParams(body))
            : redirectPage(res, engine, redirect[1] as string, url);
        const dashboard = /^\/dashboard\/([^/]+)$/.exec(p);
        if (dashboard)
          return method === "POST" ? accountDashboardDecision(res, engine, dashboard[1] as string) : accountDashboardPage(res, engine, dashboard[1] as string);
        const bankTransfer = /^\/bank-transfer\/([^/]+)$/.exec(p);
        if (bankTransfer) return bankTransferPage(res, engine, bankTransfer[1] as string);
        if (isConsolePath(p)) return handleConsole(req, res, url, body);
        page(res, 404, "Not found", `<h1>Not found</h1><p>The sandbox has nothing at ${p.replace(/[<>&"']/g, "")}.</p>`);
      } catch (error) {
        console.error("[stripe-sandbox]", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("Sandbox error");
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host}:${port}`;
  if (!options.quiet) console.log(`[stripe-sandbox] Stripe sandbox - no real money - listening on ${baseUrl}`);

  return {
    url: baseUrl,
    port,
    engine,
    keys: SANDBOX_KEYS,
    env: {
      STRIPE_SECRET_KEY: SANDBOX_KEYS.secretKey,
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: SANDBOX_KEYS.publishableKey,
      STRIPE_CLIENT_ID: SANDBOX_KEYS.clientId,
      STRIPE_WEBHOOK_SECRETS: `${SANDBOX_KEYS.platformWebhookSecret},${SANDBOX_KEYS.connectWebhookSecret}`,
      STRIPE_API_HOST: host,
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: "http",
      STRIPE_CONNECT_AUTHORIZE_URL: `${baseUrl}/oauth/authorize`,
      STRIPE_JS_URL: `${baseUrl}/endive/stripe.js`,
    },
    stop: async () => {
      engine.webhooks.stop();
      engine.stopCaptures();
      engine.store.saveNow();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
