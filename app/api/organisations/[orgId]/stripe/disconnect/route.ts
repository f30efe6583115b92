// POST /api/organisations/[orgId]/stripe/disconnect - revoke Amply's access to the organisation's Stripe account (admins)
import { z } from "zod";
import { withOrganisation } from "@/lib/auth/with-organisation";
import { disconnectStripe } from "@/lib/organisations/disconnect-stripe";

export const dynamic = "force-dynamic";

const body = z.object({
  /** What happens to recurring gifts still running on the account: required while there are any. */
  recurringGifts: z.enum(["cancel", "keep"], { error: "Choose cancel or keep." }).optional(),
});

export const POST = withOrganisation("admin", { body }, async ({ organisation, body, user }) => {
  const recurringGifts = await disconnectStripe(organisation, { recurringGifts: body.recurringGifts, userId: user.id });
  return Response.json({ disconnected: true, recurringGifts });
});
