// POST /api/organisations/[orgId]/stripe/disconnect - revoke Amply's access to the organisation's Stripe account (admins)
import { withOrganisation } from "@/lib/auth/with-organisation";
import { disconnectStripe } from "@/lib/organisations/disconnect-stripe";

export const dynamic = "force-dynamic";

export const POST = withOrganisation("admin", {}, async ({ organisation }) => {
  await disconnectStripe(organisation);
  return Response.json({ disconnected: true });
});
