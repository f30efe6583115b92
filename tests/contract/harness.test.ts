// The contract harness never reaches Stripe by accident and never with a live key.
import { describe, expect, it } from "vitest";
import { chosenTarget } from "./harness";

describe("chosenTarget", () => {
  it("runs against the sandbox unless both a test key and a connected test account are given", () => {
    expect(chosenTarget({})).toEqual({ kind: "sandbox" });
    expect(chosenTarget({ STRIPE_SECRET_KEY: "sk_test_abc" })).toEqual({ kind: "sandbox" });
    expect(chosenTarget({ STRIPE_TEST_ACCOUNT: "acct_123" })).toEqual({ kind: "sandbox" });
    // The unit run points STRIPE_SECRET_KEY at the sandbox: that stays the sandbox.
    expect(chosenTarget({ STRIPE_SECRET_KEY: "sk_test_sandbox_amply", STRIPE_TEST_ACCOUNT: "acct_123" })).toEqual({ kind: "sandbox" });
    expect(chosenTarget({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_TEST_ACCOUNT: "acct_123" })).toEqual({
      kind: "stripe",
      secretKey: "sk_test_abc",
      account: "acct_123",
    });
  });

  it("refuses live and restricted keys, and an account id that is not one", () => {
    expect(() => chosenTarget({ STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_TEST_ACCOUNT: "acct_123" })).toThrow(/test-mode secret key/);
    expect(() => chosenTarget({ STRIPE_SECRET_KEY: "rk_live_abc", STRIPE_TEST_ACCOUNT: "acct_123" })).toThrow(/test-mode secret key/);
    expect(() => chosenTarget({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_TEST_ACCOUNT: "cus_123" })).toThrow(/acct_/);
  });
});
