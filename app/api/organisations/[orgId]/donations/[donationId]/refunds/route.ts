// POST /api/organisations/[orgId]/donations/[donationId]/refunds - refund a donation, in full or in part (admins)
import { withOrganisation } from "@/lib/auth/with-organisation";
import { refundRequestSchema } from "@/lib/donations/refund-request-schema";
import { requestRefund } from "@/lib/donations/request-refund";

export const dynamic = "force-dynamic";

export const POST = withOrganisation("admin", { body: refundRequestSchema }, async ({ organisation, user, params, body }) => {
  const refund = await requestRefund({ organisationId: organisation.id, donationId: params.donationId ?? "", requestedById: user.id, ...body });
  return Response.json(refund, { status: 201, headers: { "Cache-Control": "no-store" } });
});
