import "server-only";
import type Stripe from "stripe";
import { storeAccountStatus } from "@/lib/organisations/store-account-status";
import { isAccessRevoked } from "@/lib/stripe/errors";
import { retrieveAccount } from "@/lib/stripe/retrieve-account";
import { defineHandler, ignore } from "../define-handler";

type Prepared = { account: Stripe.Account; retrievedAt: Date } | null;

/**
 * Re-retrieve the account rather than trust the payload: an old `account.updated` delivered late
 * then writes the current state, never a stale one (docs/stripe.md#any-order).
 */
export const accountUpdated = defineHandler<Stripe.AccountUpdatedEvent, Prepared>({
  async prepare(event, context) {
    if (!context.connected) return ignore("the account is not connected to an organisation");
    const id = event.account ?? event.data.object.id;
    const retrievedAt = new Date();
    try {
      return { account: await retrieveAccount(id), retrievedAt };
    } catch (error) {
      // Access revoked since: the deauthorization event tells the rest.
      if (isAccessRevoked(error)) return null;
      throw error;
    }
  },
  async apply(tx, event, prepared) {
    if (!prepared) return ignore("Stripe no longer lets Amply read the account");
    if (prepared.account.id !== (event.account ?? event.data.object.id)) return ignore("the event is about another account");
    if (!(await storeAccountStatus(tx, prepared.account, prepared.retrievedAt))) return ignore("a newer retrieval is stored, or the account is not connected");
  },
});
