// GET /api/stripe/connect/callback - where Stripe sends an admin back after Connect consent (every organisation)
import { currentUser } from "@/lib/auth/membership";
import { getEnv } from "@/lib/env";
import { completeStripeConnect } from "@/lib/organisations/connect-stripe-account";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const user = await currentUser();
  const target = user
    ? await completeStripeConnect(url.searchParams, user)
    : // The session ran out during consent: sign in again and come straight back here.
      `/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`;
  return Response.redirect(new URL(target, getEnv().APP_URL), 303);
}
