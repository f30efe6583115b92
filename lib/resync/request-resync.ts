// Asking for a re-sync (docs/stripe.md#re-sync): from the payments page, after a reconnect, or by
// the worker's daily schedule. At most one queued or running run per account: the run holds its
// account in a unique column (`activeAccount`) until it ends, so a double click, a reconnect and
// two workers scheduling at once all end with one run.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db, type Tx } from "@/lib/db/client";
import type { StripeResync, StripeResyncReason } from "@/lib/db/generated/client.ts";

type Queue = { organisationId: string; stripeAccountId: string; reason: StripeResyncReason; requestedById?: string | null };

/** Queue a run for the account, unless one is queued or running already (then null). */
export async function queueResync(input: Queue, client: Tx | typeof db = db): Promise<StripeResync | null> {
  const [run] = await client.$queryRaw<StripeResync[]>`
    INSERT INTO "StripeResync" (id, "organisationId", "stripeAccountId", "activeAccount", reason, "requestedById")
    VALUES (gen_random_uuid()::text, ${input.organisationId}, ${input.stripeAccountId}, ${input.stripeAccountId},
      ${input.reason}::"StripeResyncReason", ${input.requestedById ?? null})
    ON CONFLICT ("activeAccount") DO NOTHING
    RETURNING *`;
  return run ?? null;
}

/** A person's (or a test's) request: refused with a reason when the organisation has no account or a run is under way. */
export async function requestResync(organisationId: string, options: { reason: StripeResyncReason; requestedById?: string | null }): Promise<StripeResync> {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { stripeAccountId: true } });
  if (!organisation) throw new ApiError("not_found", "Organisation not found.");
  if (!organisation.stripeAccountId) throw new ApiError("conflict", "This organisation has no Stripe account connected: connect one first.");
  const run = await queueResync({ organisationId, stripeAccountId: organisation.stripeAccountId, ...options });
  if (!run) throw new ApiError("conflict", "A re-sync is already under way. Its progress is below.");
  return run;
}
