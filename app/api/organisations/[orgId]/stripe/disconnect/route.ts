// POST /api/organisations/[orgId]/stripe/disconnect - revoke Amply's access to the organisation's Stripe account (admins)
import { ApiError } from "@/lib/api/errors";
import { withOrganisation } from "@/lib/api/with-organisation";
import { db } from "@/lib/db/client";
import { log } from "@/lib/logger";
import { markDisconnected } from "@/lib/organisations/disconnect-stripe";
import { deauthorize } from "@/lib/stripe/connect";

export const dynamic = "force-dynamic";

export const POST = withOrganisation("admin", async ({ organisation }) => {
  if (!organisation.stripeAccountId) throw new ApiError("conflict", "This organisation has no Stripe account connected.");
  try {
    await deauthorize(organisation.stripeAccountId);
  } catch (error) {
    // Already revoked from Stripe's side: disconnecting here is still right.
    const type = error instanceof Error && "type" in error ? String(error.type) : "";
    if (!/InvalidClient|InvalidGrant|Permission|Authentication/.test(type)) {
      log.warn("Stripe deauthorize failed", { organisationId: organisation.id, error });
      throw new ApiError("payment_provider_error", "Stripe did not answer. Nothing was changed; please try again in a moment.");
    }
  }
  await db.$transaction((tx) => markDisconnected(tx, organisation.id));
  return Response.json({ disconnected: true });
});
