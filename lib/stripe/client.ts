// The one Stripe client: API version pinned, app info set, key and host from validated
// configuration. Pointing STRIPE_API_HOST/PORT/PROTOCOL at the sandbox is the only switch between
// the sandbox and Stripe: every request Amply sends is the same.
import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";

export const STRIPE_API_VERSION = "2026-10-28.endive" as const;

let client: Stripe | undefined;

export function stripe(): Stripe {
  if (client) return client;
  const env = getEnv();
  client = new Stripe(env.STRIPE_SECRET_KEY, {
    apiVersion: STRIPE_API_VERSION,
    appInfo: { name: "Amply", version: "0.1.0" },
    typescript: true,
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
    ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
    ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
  });
  return client;
}

/**
 * Request options for a direct charge on an organisation's connected account: the Stripe-Account
 * header (docs/stripe.md#direct-charges-on-standard-accounts).
 */
export function onAccount(stripeAccount: string, idempotencyKey?: string): Stripe.RequestOptions {
  return idempotencyKey ? { stripeAccount, idempotencyKey } : { stripeAccount };
}
