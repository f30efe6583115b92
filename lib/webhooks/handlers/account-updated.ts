import "server-only";
import type Stripe from "stripe";
import { log } from "@/lib/logger";
import { accountStatus } from "@/lib/organisations/stripe-account-status";
import { stripe } from "@/lib/stripe/client";
import { defineHandler } from "../handler";

type Prepared = { account: Stripe.Account; retrievedAt: Date } | null;

/**
 * Re-retrieve the account rather than trust the payload (docs/stripe.md#any-order): an old
 * `account.updated` delivered late then writes the current state, never a stale one.
 */
export const accountUpdated = defineHandler<Stripe.AccountUpdatedEvent, Prepared>({
  async prepare(event) {
    const id = event.account ?? event.data.object.id;
    const retrievedAt = new Date();
    try {
      return { account: await stripe().accounts.retrieve(id), retrievedAt };
    } catch (error) {
      // Access revoked since: the deauthorization event tells the rest.
      if (error instanceof Error && "statusCode" in error && (error.statusCode === 403 || error.statusCode === 401)) return null;
      throw error;
    }
  },
  async apply(tx, event, prepared) {
    if (!prepared) return;
    const accountId = event.account ?? event.data.object.id;
    if (prepared.account.id !== accountId) return;
    const organisation = await tx.organisation.findUnique({ where: { stripeAccountId: accountId } });
    if (!organisation) return;
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisation.id} FOR UPDATE`;
    const current = await tx.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { stripeAccountCheckedAt: true } });
    if (current.stripeAccountCheckedAt && current.stripeAccountCheckedAt > prepared.retrievedAt) {
      log.info("account.updated skipped: a newer retrieval is already stored", { eventId: event.id });
      return;
    }
    await tx.organisation.update({ where: { id: organisation.id }, data: { ...accountStatus(prepared.account), stripeAccountCheckedAt: prepared.retrievedAt } });
  },
});
