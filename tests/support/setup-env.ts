// Before each test file: the configuration a test process runs with.
import { inject } from "vitest";

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: inject("databaseUrl"),
  // The embedded database serves one connection per client (lib/db/embedded.ts).
  DATABASE_POOL_SIZE: inject("embeddedDatabase") ? "1" : "10",
  APP_URL: "http://localhost:3000",
  AUTH_SECRET: "test-secret-that-is-at-least-thirty-two-characters",
  STRIPE_SECRET_KEY: "sk_test_sandbox_tests",
  NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_sandbox_tests",
  STRIPE_CLIENT_ID: "ca_sandbox_tests",
  STRIPE_WEBHOOK_SECRETS: "whsec_test_platform,whsec_test_connect",
  EMAIL_SERVER: "",
});
