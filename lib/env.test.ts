import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "./env";

const valid = {
  NODE_ENV: "development",
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/amply",
  APP_URL: "http://localhost:3000",
  AUTH_SECRET: "a-random-secret-of-32-characters!",
  STRIPE_SECRET_KEY: "sk_test_abc123",
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_abc123",
  STRIPE_CLIENT_ID: "ca_abc123",
  STRIPE_WEBHOOK_SECRETS: "whsec_platform, whsec_connect",
};

function problems(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("accepts a complete configuration and splits the webhook secrets", () => {
    const env = parseEnv(valid);
    expect(env.STRIPE_WEBHOOK_SECRETS).toEqual(["whsec_platform", "whsec_connect"]);
    expect(env.STRIPE_CONNECT_AUTHORIZE_URL).toBe("https://connect.stripe.com/oauth/authorize");
    expect(env.STRIPE_JS_URL).toBe("https://js.stripe.com/endive/stripe.js");
    expect(env.stripeSandbox).toBe(false);
    expect(env.devMailbox).toBe(true);
  });

  it("points the sandbox banner at the sandbox's root, on the origin browsers load its Stripe.js from, and nowhere with real keys", () => {
    const sandbox = {
      ...valid,
      STRIPE_SECRET_KEY: "sk_test_sandbox_amply",
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_sandbox_amply",
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_JS_URL: "http://localhost:12112/endive/stripe.js",
    };
    expect(parseEnv(sandbox).sandboxConsoleUrl).toBe("http://localhost:12112/");
    expect(parseEnv(valid).sandboxConsoleUrl).toBeNull();
    expect(parseEnv({ ...valid, STRIPE_JS_URL: "http://localhost:12112/endive/stripe.js" }).sandboxConsoleUrl).toBeNull();
  });

  it("names each missing variable, and never turns a missing one into 'undefined'", () => {
    const found = problems({ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_abc" });
    for (const name of ["DATABASE_URL", "APP_URL", "AUTH_SECRET", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "STRIPE_CLIENT_ID", "STRIPE_WEBHOOK_SECRETS"]) {
      expect(found.some((p) => p.startsWith(`${name} `))).toBe(true);
    }
  });

  it("names malformed values with what they should look like", () => {
    expect(problems({ ...valid, STRIPE_SECRET_KEY: "pk_test_oops" })).toEqual([expect.stringMatching(/^STRIPE_SECRET_KEY must be a Stripe secret key/)]);
    expect(problems({ ...valid, STRIPE_WEBHOOK_SECRETS: "whsec_ok,nope" })[0]).toMatch(/^STRIPE_WEBHOOK_SECRETS\.1 each entry must look like whsec_/);
    expect(problems({ ...valid, APP_URL: "localhost" })[0]).toMatch(/^APP_URL must be the absolute URL/);
    expect(problems({ ...valid, AUTH_SECRET: "short" })[0]).toMatch(/^AUTH_SECRET must be at least 32 characters/);
    expect(problems({ ...valid, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_live_abc" })[0]).toMatch(/same mode/);
    expect(problems({ ...valid, STRIPE_API_PORT: "eighty" })[0]).toMatch(/^STRIPE_API_PORT /);
  });

  it("treats empty strings as unset", () => {
    expect(problems({ ...valid, AUTH_SECRET: "" })[0]).toMatch(/^AUTH_SECRET is required/);
  });

  it("requires SMTP in production and keeps the development mailbox away from live keys and https", () => {
    expect(problems({ ...valid, NODE_ENV: "production" })).toEqual([expect.stringMatching(/^EMAIL_SERVER is required in production/)]);
    expect(problems({ ...valid, STRIPE_SECRET_KEY: "sk_live_x", NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_live_x", AMPLY_E2E: "1" })).toEqual([
      expect.stringMatching(/^AMPLY_E2E must not be set with live Stripe keys/),
    ]);
    expect(problems({ ...valid, APP_URL: "https://give.example.org", AMPLY_E2E: "1" })).toEqual([
      expect.stringMatching(/^AMPLY_E2E must not be set when APP_URL is https/),
    ]);
  });

  it("serves the development mailbox only in development or under the browser-test harness", () => {
    expect(parseEnv({ ...valid, NODE_ENV: "development" }).devMailbox).toBe(true);
    expect(parseEnv({ ...valid, NODE_ENV: "test" }).devMailbox).toBe(false);
    expect(parseEnv({ ...valid, NODE_ENV: "test", AMPLY_E2E: "1" }).devMailbox).toBe(true);
    expect(parseEnv({ ...valid, NODE_ENV: "production", AMPLY_E2E: "1" }).devMailbox).toBe(true);
    expect(parseEnv({ ...valid, NODE_ENV: "development", EMAIL_SERVER: "smtp://mail.example.org:587" }).devMailbox).toBe(false);
    // The old opt-in is gone: it is no longer a way to open the mailbox in production.
    expect(problems({ ...valid, NODE_ENV: "production", AMPLY_DEV_MAILBOX: "1" })).toEqual([expect.stringMatching(/^EMAIL_SERVER is required in production/)]);
  });

  it("refuses a guessable AUTH_SECRET", () => {
    expect(problems({ ...valid, AUTH_SECRET: "x".repeat(40) })[0]).toMatch(/^AUTH_SECRET must use at least 10 different characters/);
    expect(problems({ ...valid, AUTH_SECRET: "abababababababababababababababababab" })[0]).toMatch(/at least 10 different characters/);
    expect(problems({ ...valid, AUTH_SECRET: "0123456789".repeat(4) })).toEqual([]);
  });

  it("reads TRUSTED_PROXIES and names a malformed entry", () => {
    expect(problems({ ...valid, TRUSTED_PROXIES: "1" })).toEqual([]);
    expect(problems({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32" })).toEqual([]);
    expect(problems({ ...valid, TRUSTED_PROXIES: "10.0.0.0/8, my-proxy" })[0]).toMatch(/^TRUSTED_PROXIES .*"my-proxy" is not an IP address/);
  });
});
