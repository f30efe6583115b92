import "server-only";
import { getEnv } from "@/lib/env";
import { stripe } from "./client";

/** Revoke Amply's access to a connected account. */
export async function deauthorizeAccount(accountId: string): Promise<void> {
  await stripe().oauth.deauthorize({ client_id: getEnv().STRIPE_CLIENT_ID, stripe_user_id: accountId });
}
