// GET /api/organisations/[orgId]/stripe/connect - the Stripe consent URL to connect the organisation (admins)
import { ApiError } from "@/lib/api/errors";
import { withOrganisation } from "@/lib/auth/with-organisation";
import { createConnectState } from "@/lib/organisations/connect-state";
import { connectAuthorizeUrl } from "@/lib/stripe/connect-authorize-url";

export const dynamic = "force-dynamic";

export const GET = withOrganisation("admin", {}, async ({ organisation, user }) => {
  if (organisation.stripeAccountId) {
    throw new ApiError("conflict", "This organisation is already connected to a Stripe account. Disconnect it first to connect another.");
  }
  const state = await createConnectState(organisation.id, user.id);
  const url = connectAuthorizeUrl({ state, email: organisation.email, businessName: organisation.name, country: organisation.country });
  return Response.json({ url }, { headers: { "Cache-Control": "no-store" } });
});
