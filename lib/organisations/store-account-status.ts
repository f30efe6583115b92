import "server-only";
import type Stripe from "stripe";
import type { Db, Tx } from "@/lib/db/client";
import { accountStatus } from "./stripe-account-status";

/**
 * Store a connected account's status as retrieved from Stripe at `retrievedAt`, unless a newer
 * retrieval is already stored (a late webhook or a slow page never writes over a fresher status),
 * and only while the organisation is still connected to that account. True when it was stored.
 */
export async function storeAccountStatus(client: Db | Tx, account: Stripe.Account, retrievedAt: Date): Promise<boolean> {
  const { count } = await client.organisation.updateMany({
    where: { stripeAccountId: account.id, OR: [{ stripeAccountCheckedAt: null }, { stripeAccountCheckedAt: { lt: retrievedAt } }] },
    data: { ...accountStatus(account), stripeAccountCheckedAt: retrievedAt },
  });
  return count > 0;
}
