// The Content-Security-Policy and Strict-Transport-Security headers, built from configuration.
// Pure: proxy.ts calls it with a fresh nonce for every request, the unit test with literals.
//
// Scripts are trusted by nonce: Next.js stamps the nonce it finds in the request's policy on its
// own scripts, and 'strict-dynamic' passes that trust on to the scripts they add (Stripe.js,
// Turnstile). The host sources after it only matter to browsers without 'strict-dynamic'.
import type { Env } from "@/lib/env";

export type PolicyConfig = Pick<Env, "NODE_ENV" | "APP_URL" | "STRIPE_JS_URL" | "TURNSTILE_SITE_KEY" | "stripeSandbox">;

/** What Stripe.js and the Payment Element load when the keys are Stripe's own. */
const STRIPE = {
  // The Payment Element's frames and scripts come from js.stripe.com and its subdomains;
  // hooks.stripe.com hosts the 3-D Secure and redirect pages shown in a frame. Google Maps (for
  // the Address Element's autocomplete) is left out: Amply does not use that element.
  scripts: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frames: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connections: ["https://api.stripe.com"],
};

/** Cloudflare Turnstile: its script and its challenge frame, both from one origin. */
const TURNSTILE = "https://challenges.cloudflare.com";

export function contentSecurityPolicy(config: PolicyConfig, nonce: string, frameAncestors: readonly string[] = []): string {
  const development = config.NODE_ENV === "development";
  // The offline sandbox serves its Stripe.js stand-in, its API and its 3-D Secure frame from one
  // origin, the one Stripe.js is configured to load from.
  const sandbox = new URL(config.STRIPE_JS_URL).origin;
  const stripe = config.stripeSandbox ? { scripts: [sandbox], frames: [sandbox], connections: [sandbox] } : STRIPE;
  const turnstile = config.TURNSTILE_SITE_KEY ? [TURNSTILE] : [];

  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React and Next.js in development rebuild stacks and refresh modules with eval; never in a build.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...stripe.scripts, ...turnstile, ...(development ? ["'unsafe-eval'"] : [])],
    // Inline styles stay allowed: React's style attributes, next/font's and the Payment
    // Element's injected rules. A nonce here would make browsers ignore 'unsafe-inline'.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Logos and campaign images are uploaded and served by Amply (/images/<id>): nothing third-party.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // next dev's hot reload talks over a WebSocket.
    "connect-src": ["'self'", ...stripe.connections, ...(development ? ["ws:"] : [])],
    "frame-src": [...stripe.frames, ...turnstile],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    // Nothing of Amply is shown inside another site's frame (clickjacking on the dashboard and the
    // donation form), except the donation pages an organisation embeds on the sites it lists
    // (docs/embedding.md#allowed-origins); X-Frame-Options DENY says the same to older browsers.
    "frame-ancestors": frameAncestors.length ? [...frameAncestors] : ["'none'"],
  };
  const parts = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (servedOverHttps(config)) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

function servedOverHttps(config: Pick<PolicyConfig, "APP_URL">): boolean {
  return new URL(config.APP_URL).protocol === "https:";
}

type SecurityHeaders = { "Content-Security-Policy": string; "Strict-Transport-Security"?: string; "X-Frame-Options"?: "DENY" };

/**
 * The headers every page answers with: the policy, X-Frame-Options unless the page may be framed
 * by the sites given (it has no way to list them, and would contradict the policy), and HSTS only
 * when Amply is served over https.
 */
export function securityHeaders(config: PolicyConfig, nonce: string, frameAncestors: readonly string[] = []): SecurityHeaders {
  return {
    "Content-Security-Policy": contentSecurityPolicy(config, nonce, frameAncestors),
    ...(frameAncestors.length ? {} : { "X-Frame-Options": "DENY" as const }),
    // Two years, subdomains included. Over http the header would be ignored, and promising https
    // for a host that has none would lock browsers out of it.
    ...(servedOverHttps(config) ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
