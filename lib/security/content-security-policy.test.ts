import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, type PolicyConfig } from "./content-security-policy";

const live: PolicyConfig = {
  NODE_ENV: "production",
  APP_URL: "https://give.example.org",
  STRIPE_JS_URL: "https://js.stripe.com/endive/stripe.js",
  TURNSTILE_SITE_KEY: undefined,
  stripeSandbox: false,
};
const sandbox: PolicyConfig = {
  NODE_ENV: "production",
  APP_URL: "http://localhost:3100",
  STRIPE_JS_URL: "http://127.0.0.1:12112/endive/stripe.js",
  TURNSTILE_SITE_KEY: undefined,
  stripeSandbox: true,
};
const nonce = "bm9uY2UtZm9yLXRlc3Rz";

/** The policy as directive name -> sources, so a test reads one directive at a time. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("the Content-Security-Policy with Stripe's own keys", () => {
  const policy = directives(contentSecurityPolicy(live, nonce));

  it("trusts scripts by this request's nonce and lets them load Stripe.js", () => {
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "https://js.stripe.com", "https://*.js.stripe.com"]);
  });

  it("allows Stripe's frames (Elements, 3-D Secure) and API, and nothing of the sandbox", () => {
    expect(policy.get("frame-src")).toEqual(["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "https://api.stripe.com"]);
    expect([...policy.values()].flat().some((source) => source.includes("127.0.0.1") || source.startsWith("http:"))).toBe(false);
  });

  it("keeps every page out of frames, plugins and foreign form targets", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("shows organisation logos from https addresses, fonts only from Amply", () => {
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("font-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades insecure requests and sends HSTS when Amply is served over https", () => {
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect(securityHeaders(live, nonce)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("adds Turnstile's script and challenge frame only when a site key is configured", () => {
    const withTurnstile = directives(contentSecurityPolicy({ ...live, TURNSTILE_SITE_KEY: "0x4AAAAAAA" }, nonce));
    expect(withTurnstile.get("script-src")).toContain("https://challenges.cloudflare.com");
    expect(withTurnstile.get("frame-src")).toContain("https://challenges.cloudflare.com");
    expect(contentSecurityPolicy(live, nonce)).not.toContain("challenges.cloudflare.com");
  });

  it("carries the nonce it is given, so each request's is its own", () => {
    expect(contentSecurityPolicy(live, "b3RoZXI=")).toContain("'nonce-b3RoZXI='");
    expect(contentSecurityPolicy(live, "b3RoZXI=")).not.toContain(nonce);
  });
});

describe("the Content-Security-Policy on the offline sandbox", () => {
  const policy = directives(contentSecurityPolicy(sandbox, nonce));

  it("allows the sandbox's origin in place of Stripe's for scripts, frames and connections", () => {
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "http://127.0.0.1:12112"]);
    expect(policy.get("frame-src")).toEqual(["http://127.0.0.1:12112"]);
    expect(policy.get("connect-src")).toEqual(["'self'", "http://127.0.0.1:12112"]);
    expect(contentSecurityPolicy(sandbox, nonce)).not.toContain("stripe.com");
  });

  it("never sends HSTS nor upgrades requests over http, and still forbids framing", () => {
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(securityHeaders(sandbox, nonce)).not.toHaveProperty("Strict-Transport-Security");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("script-src", () => {
  const modes: PolicyConfig[] = [live, sandbox, { ...live, TURNSTILE_SITE_KEY: "0x4AAAAAAA" }, { ...live, NODE_ENV: "test" }];

  it("never allows inline scripts or eval outside development", () => {
    for (const config of modes) {
      const scripts = directives(contentSecurityPolicy(config, nonce)).get("script-src") ?? [];
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      // Nor through a fallback directive the browser would use instead.
      expect(contentSecurityPolicy(config, nonce)).not.toMatch(/'unsafe-eval'|script-src-elem|script-src-attr/);
    }
  });

  it("allows eval and the hot-reload WebSocket under next dev only", () => {
    const dev = directives(contentSecurityPolicy({ ...sandbox, NODE_ENV: "development" }, nonce));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
    expect(dev.get("connect-src")).toContain("ws:");
    expect(directives(contentSecurityPolicy(sandbox, nonce)).get("connect-src")).not.toContain("ws:");
  });
});

describe("frame-ancestors on a page an organisation embeds", () => {
  it("lists the organisation's sites on the donation page, and drops X-Frame-Options there", () => {
    const headers = securityHeaders(live, nonce, ["https://www.example.org", "https://shop.example.org:8443"]);
    expect(directives(headers["Content-Security-Policy"]).get("frame-ancestors")).toEqual(["https://www.example.org", "https://shop.example.org:8443"]);
    expect(headers).not.toHaveProperty("X-Frame-Options");
  });

  it("keeps every other page, and a page with no sites listed, out of every frame", () => {
    for (const headers of [securityHeaders(live, nonce), securityHeaders(live, nonce, [])]) {
      expect(directives(headers["Content-Security-Policy"]).get("frame-ancestors")).toEqual(["'none'"]);
      expect(headers["X-Frame-Options"]).toBe("DENY");
    }
  });
});
