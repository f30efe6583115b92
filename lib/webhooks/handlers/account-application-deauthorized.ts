import "server-only";
import type Stripe from "stripe";
import { markDisconnected } from "@/lib/organisations/disconnect-stripe";
import { defineHandler, ignore } from "../define-handler";

/**
 * The organisation revoked Amply's access from its Stripe Dashboard: it stops taking donations
 * (docs/stripe.md#disconnected-accounts).
 */
export const accountApplicationDeauthorized = defineHandler<Stripe.AccountApplicationDeauthorizedEvent>({
  async apply(tx, event) {
    if (!event.account) return ignore("a platform event");
    const organisation = await tx.organisation.findUnique({ where: { stripeAccountId: event.account }, select: { id: true } });
    if (!organisation) return ignore("the account is not connected to an organisation");
    await markDisconnected(tx, organisation.id);
  },
});
