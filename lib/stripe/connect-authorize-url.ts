// Stripe Connect for Standard accounts goes through OAuth: it is how an organisation connects the
// Stripe account it already has (docs/stripe.md#connect-oauth). Should Amply move to Account Links, only
// the connect-* files here change.
import "server-only";
import { getEnv } from "@/lib/env";

export const CONNECT_CALLBACK_PATH = "/api/stripe/connect/callback";

/**
 * The consent URL, built from configuration: the SDK's `oauth.authorizeUrl()` always points at
 * Stripe's own host and drops any port, which would bypass the sandbox. One callback for every
 * organisation, on APP_URL: Stripe redirects only to registered URIs, matched exactly.
 */
export function connectAuthorizeUrl(input: { state: string; email: string; businessName: string; country: string }): string {
  const env = getEnv();
  const url = new URL(env.STRIPE_CONNECT_AUTHORIZE_URL);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", env.STRIPE_CLIENT_ID);
  url.searchParams.set("scope", "read_write");
  url.searchParams.set("redirect_uri", new URL(CONNECT_CALLBACK_PATH, env.APP_URL).toString());
  url.searchParams.set("state", input.state);
  url.searchParams.set("stripe_user[email]", input.email);
  url.searchParams.set("stripe_user[business_name]", input.businessName);
  url.searchParams.set("stripe_user[country]", input.country);
  return url.toString();
}

/** Where the organisation finishes its Stripe setup (the sandbox has its own page for it). */
export function accountSetupUrl(accountId: string): string {
  const env = getEnv();
  if (env.stripeSandbox) return `${new URL(env.STRIPE_CONNECT_AUTHORIZE_URL).origin}/dashboard/${accountId}`;
  return "https://dashboard.stripe.com/account/onboarding";
}
