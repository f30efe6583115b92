// `npm run test:contract`: only the contract tests (tests/contract/), with the environment as it
// is, so that STRIPE_SECRET_KEY=sk_test_... and STRIPE_TEST_ACCOUNT=acct_... reach them and they
// run against Stripe's test mode. Without those they start the sandbox themselves. `npm test` runs
// the same files against the sandbox as part of the unit run (its setup points Stripe at the sandbox).
import { defineConfig } from "vitest/config";
import unitConfig from "./vitest.config";

export default defineConfig({
  // The same module resolution as the unit run (the "@" alias, "server-only" as a no-op).
  resolve: unitConfig.resolve,
  test: {
    include: ["tests/contract/**/*.test.ts"],
    globalSetup: ["tests/contract/announce.ts"],
    // Stripe's test mode answers in hundreds of milliseconds and opens test disputes a few seconds later.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
