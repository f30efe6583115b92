import "server-only";
import { stripe } from "./client";

/** Exchange a Connect authorization code for the connected account's id. */
export async function exchangeOAuthCode(code: string): Promise<string> {
  const token = await stripe().oauth.token({ grant_type: "authorization_code", code });
  if (!token.stripe_user_id) throw new Error("Stripe returned no account id for this code.");
  return token.stripe_user_id;
}
