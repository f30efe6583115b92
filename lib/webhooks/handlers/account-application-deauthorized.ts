import "server-only";
import type Stripe from "stripe";
import { markDisconnected } from "@/lib/organisations/disconnect-stripe";
import { defineHandler } from "../define-handler";

/**
 * The organisation revoked Amply's access from its Stripe Dashboard: it stops taking donations
 * (docs/stripe.md#disconnected-accounts).
 */
export const accountApplicationDeauthorized = defineHandler<Stripe.AccountApplicationDeauthorizedEvent>({
  async apply(tx, event) {
    if (!event.account) return;
    const organisation = await tx.organisation.findUnique({ where: { stripeAccountId: event.account }, select: { id: true } });
    if (organisation) await markDisconnected(tx, organisation.id);
  },
});
