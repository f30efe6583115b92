// Contract tests check Stripe's behaviour, not the sandbox's internals, so the same file runs
// against Stripe's test mode: with STRIPE_SECRET_KEY=sk_test_... and STRIPE_TEST_ACCOUNT=acct_...
// (a connected test account; Connect OAuth cannot run unattended) under `npm run test:contract`,
// and against the offline sandbox otherwise, started here. Only Stripe's public test mechanisms are
// used: test PaymentMethods (`pm_card_visa`...), test helpers (`fund_cash_balance`).
import Stripe from "stripe";
import { afterAll, beforeAll } from "vitest";
import { SandboxControl } from "@/sandbox/client";
import { SANDBOX_KEYS, startSandbox, type RunningSandbox } from "@/sandbox/server";

export type ContractTarget = {
  /** "sandbox" or "stripe" (test mode). */
  kind: "sandbox" | "stripe";
  /** The SDK as Amply configures it, pointed at the target, with `maxNetworkRetries` as asked. */
  client: (options?: { maxNetworkRetries?: number }) => Stripe;
  stripe: Stripe;
  /** The connected account every direct charge goes to. */
  account: string;
  /** Where raw requests go (for tests that must see each HTTP answer). */
  apiBase: string;
  secretKey: string;
};

/** Which target the environment asks for; throws on anything but a test-mode secret key. */
export function chosenTarget(
  env: Record<string, string | undefined> = process.env,
): { kind: "sandbox" } | { kind: "stripe"; secretKey: string; account: string } {
  const key = env.STRIPE_SECRET_KEY ?? "";
  const account = env.STRIPE_TEST_ACCOUNT ?? "";
  if (!account || !key || key === SANDBOX_KEYS.secretKey) return { kind: "sandbox" };
  if (!key.startsWith("sk_test_")) {
    throw new Error("Contract tests run only with a test-mode secret key (sk_test_...): refusing to run them with this STRIPE_SECRET_KEY.");
  }
  if (!account.startsWith("acct_")) throw new Error("STRIPE_TEST_ACCOUNT must be a connected test account id (acct_...).");
  return { kind: "stripe", secretKey: key, account };
}

/** Says which target ran, unless `npm run test:contract` already said it once for the whole run. */
function announce(line: string) {
  if (!process.env.AMPLY_CONTRACT_ANNOUNCED) console.info(line);
}

// Each request to the sandbox takes this long, so that a second request with the same
// Idempotency-Key can arrive while the first is still executing, as on Stripe.
const SANDBOX_LATENCY_MS = 15;

/** Registers the target for the calling test file: started before its tests, stopped after. */
export function startContractTarget(): ContractTarget {
  const target = {} as ContractTarget;
  let sandbox: RunningSandbox | undefined;
  beforeAll(async () => {
    const chosen = chosenTarget();
    if (chosen.kind === "stripe") {
      const client = (options: { maxNetworkRetries?: number } = {}) => new Stripe(chosen.secretKey, { maxNetworkRetries: options.maxNetworkRetries ?? 0 });
      Object.assign(target, {
        kind: "stripe",
        client,
        stripe: client(),
        account: chosen.account,
        apiBase: "https://api.stripe.com",
        secretKey: chosen.secretKey,
      });
      announce(`[contract] ran against Stripe's test mode, connected account ${chosen.account}`);
      return;
    }
    sandbox = await startSandbox({ quiet: true, latencyMs: SANDBOX_LATENCY_MS });
    const url = new URL(sandbox.url);
    const client = (options: { maxNetworkRetries?: number } = {}) =>
      new Stripe(sandbox?.keys.secretKey ?? "", {
        host: url.hostname,
        port: Number(url.port),
        protocol: "http",
        maxNetworkRetries: options.maxNetworkRetries ?? 0,
      });
    const control = new SandboxControl(sandbox.url, sandbox.keys.secretKey);
    const account = (await control.createAccount({ country: "DE", business_name: "Contract Charity", email: "finance@contract.example" })).id;
    Object.assign(target, { kind: "sandbox", client, stripe: client(), account, apiBase: sandbox.url, secretKey: sandbox.keys.secretKey });
    announce(
      "[contract] ran against the offline Stripe sandbox, not Stripe: set STRIPE_SECRET_KEY=sk_test_... and STRIPE_TEST_ACCOUNT=acct_... and run `npm run test:contract` to check the same tests against Stripe's test mode",
    );
  });
  afterAll(async () => {
    await sandbox?.stop();
  });
  return target;
}

/** A key no earlier run used (real Stripe keeps keys for 24 hours). */
export const uniqueKey = (label: string) => `contract-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/** Polls until `check` gives a value (Stripe does some things a moment later, e.g. opening a test dispute). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting for Stripe");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
