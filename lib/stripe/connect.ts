// Stripe Connect for Standard accounts, all in one place (docs/stripe.md#connect-oauth). OAuth is
// how an existing Stripe account connects today (Stripe calls it legacy and recommends Account
// Links for new accounts); should Amply move to Account Links, only this module changes.
import "server-only";
import type Stripe from "stripe";
import { getEnv } from "@/lib/env";
import { stripe } from "./client";

export const CONNECT_CALLBACK_PATH = "/api/stripe/connect/callback";

/**
 * The consent URL, built from configuration: `stripe.oauth.authorizeUrl()` always points at
 * Stripe's own host and drops any port, which would bypass the sandbox.
 */
export function authorizeUrl(input: { state: string; email: string; businessName: string; country: string }): string {
  const env = getEnv();
  const url = new URL(env.STRIPE_CONNECT_AUTHORIZE_URL);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", env.STRIPE_CLIENT_ID);
  url.searchParams.set("scope", "read_write");
  // One callback for every organisation: Stripe only redirects to registered URIs, matched exactly.
  url.searchParams.set("redirect_uri", new URL(CONNECT_CALLBACK_PATH, env.APP_URL).toString());
  url.searchParams.set("state", input.state);
  url.searchParams.set("stripe_user[email]", input.email);
  url.searchParams.set("stripe_user[business_name]", input.businessName);
  url.searchParams.set("stripe_user[country]", input.country);
  return url.toString();
}

/** Exchange the authorization code for the connected account's id. */
export async function exchangeCode(code: string): Promise<string> {
  const token = await stripe().oauth.token({ grant_type: "authorization_code", code });
  if (!token.stripe_user_id) throw new Error("Stripe returned no account id for this code.");
  return token.stripe_user_id;
}

export function retrieveAccount(accountId: string): Promise<Stripe.Account> {
  return stripe().accounts.retrieve(accountId);
}

/** Revoke Amply's access to the account (the organisation's "Disconnect"). */
export async function deauthorize(accountId: string): Promise<void> {
  await stripe().oauth.deauthorize({ client_id: getEnv().STRIPE_CLIENT_ID, stripe_user_id: accountId });
}

/** Where the organisation finishes its Stripe setup (the sandbox has its own page for it). */
export function accountSetupUrl(accountId: string): string {
  const env = getEnv();
  if (env.stripeSandbox) return `${new URL(env.STRIPE_CONNECT_AUTHORIZE_URL).origin}/dashboard/${accountId}`;
  return "https://dashboard.stripe.com/account/onboarding";
}
