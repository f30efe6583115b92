// Before each test file: the configuration a test process runs with (the sandbox as Stripe).
import { inject } from "vitest";

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: inject("databaseUrl"),
  // The embedded database is one session: one connection per client (scripts/support/embedded-database.ts).
  DATABASE_POOL_SIZE: inject("embeddedDatabase") ? "1" : "10",
  AMPLY_EMBEDDED_DATABASE: inject("embeddedDatabase") ? "1" : "0",
  APP_URL: "http://localhost:3000",
  AUTH_SECRET: "test-secret-that-is-at-least-thirty-two-characters",
  EMAIL_SERVER: "",
  ...inject("sandboxEnv"),
  // The sandbox's two endpoint secrets, plus a previous one still valid during a rotation.
  STRIPE_WEBHOOK_SECRETS: "whsec_sandbox_platform,whsec_sandbox_connect,whsec_previous_connect",
});
