// GET /api/stripe/connect/callback, as logic: check the state and the user, exchange the code,
// store the account and its status. Every failure ends on a page that says what happened and what
// to do, and changes nothing about the organisation.
import "server-only";
import { requireRole, type SessionUser } from "@/lib/auth/membership";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { log } from "@/lib/logger";
import { exchangeCode, retrieveAccount } from "@/lib/stripe/connect";
import { readConnectState, spendConnectState } from "./connect-state";
import { accountStatus } from "./stripe-account-status";

export type ConnectError = "access_denied" | "invalid_state" | "expired_state" | "reused_state" | "foreign_state" | "already_linked" | "stripe_error" | "not_admin";

async function paymentsPage(organisationId: string | undefined, query: string): Promise<string> {
  const organisation = organisationId ? await db.organisation.findUnique({ where: { id: organisationId }, select: { slug: true } }) : null;
  return organisation ? `/dashboard/${organisation.slug}/settings/payments?${query}` : `/dashboard?${query.replace(/^error=/, "connect_error=")}`;
}

/** Where to send the person once Stripe sent them back to Amply. */
export async function completeStripeConnect(params: URLSearchParams, user: SessionUser): Promise<string> {
  const state = params.get("state");
  const read = readConnectState(state);
  if (!read.ok) return paymentsPage(undefined, "error=invalid_state");

  // Only someone who (still) administers the organisation may connect it.
  try {
    await requireRole({ id: read.organisationId }, "admin");
  } catch {
    return "/dashboard?connect_error=not_admin";
  }

  const spent = await spendConnectState(state, user.id);
  const oauthError = params.get("error");
  if (oauthError) {
    log.info("Stripe Connect consent not given", { organisationId: read.organisationId, error: oauthError });
    return paymentsPage(read.organisationId, oauthError === "access_denied" ? "error=access_denied" : "error=stripe_error");
  }
  if (!spent.ok) return paymentsPage(read.organisationId, `error=${spent.problem}`);

  const code = params.get("code");
  if (!code) return paymentsPage(read.organisationId, "error=stripe_error");
  let accountId: string;
  let status: ReturnType<typeof accountStatus>;
  try {
    accountId = await exchangeCode(code);
    const linked = await db.organisation.findUnique({ where: { stripeAccountId: accountId }, select: { id: true } });
    if (linked && linked.id !== read.organisationId) return paymentsPage(read.organisationId, "error=already_linked");
    status = accountStatus(await retrieveAccount(accountId));
  } catch (error) {
    log.warn("Stripe Connect failed", { organisationId: read.organisationId, error });
    return paymentsPage(read.organisationId, "error=stripe_error");
  }

  try {
    await db.organisation.update({
      where: { id: read.organisationId },
      data: { ...status, stripeAccountId: accountId, stripeConnectedAt: new Date(), stripeDisconnectedAt: null, stripeAccountCheckedAt: new Date() },
    });
  } catch (error) {
    // Another organisation took the account between our check and this write.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return paymentsPage(read.organisationId, "error=already_linked");
    throw error;
  }
  log.info("Stripe account connected", { organisationId: read.organisationId, accountId });
  return paymentsPage(read.organisationId, "connected=true");
}
