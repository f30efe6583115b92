// GET /api/stripe/connect/callback - where Stripe sends an admin back after Connect consent (every organisation)
import { ApiError } from "@/lib/api/errors";
import { publicRoute } from "@/lib/api/public-route";
import { currentUser } from "@/lib/auth/membership";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { readConnectState } from "@/lib/organisations/connect-state";
import { completeStripeConnect } from "@/lib/organisations/connect-stripe-account";

export const dynamic = "force-dynamic";

async function paymentsPage(organisationId: string, query: string): Promise<string> {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { slug: true } });
  return organisation ? `/dashboard/${organisation.slug}/settings/payments?${query}` : `/dashboard?connect_error=invalid_state`;
}

async function outcome(params: URLSearchParams, url: URL): Promise<string> {
  const user = await currentUser();
  // The session ran out during consent: sign in again and come straight back here.
  if (!user) return `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
  let organisationId: string;
  try {
    organisationId = readConnectState(params.get("state")).organisationId;
  } catch {
    return "/dashboard?connect_error=invalid_state";
  }
  try {
    await completeStripeConnect(params, organisationId, user);
    return paymentsPage(organisationId, "connected=true");
  } catch (error) {
    const reason = error instanceof ApiError ? (error.details.reason ?? "stripe_error") : "stripe_error";
    if (!(error instanceof ApiError)) throw error;
    return reason === "not_admin" ? "/dashboard?connect_error=not_admin" : paymentsPage(organisationId, `error=${reason}`);
  }
}

export const GET = publicRoute({ maxBytes: 0 }, async ({ request }) => {
  const url = new URL(request.url);
  return Response.redirect(new URL(await outcome(url.searchParams, url), getEnv().APP_URL), 303);
});
