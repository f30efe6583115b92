// GET /api/stripe/connect/callback, as logic: check the state and the user, exchange the code,
// store the account and its status. Every failure is an ApiError whose `reason` names what the
// payments page says, and changes nothing about the organisation.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { requireRole, type SessionUser } from "@/lib/auth/membership";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { log } from "@/lib/logger";
import { queueResync } from "@/lib/resync/request-resync";
import { deauthorizeAccount } from "@/lib/stripe/deauthorize-account";
import { exchangeOAuthCode } from "@/lib/stripe/exchange-oauth-code";
import { retrieveAccount } from "@/lib/stripe/retrieve-account";
import { spendConnectState } from "./connect-state";
import { accountStatus } from "./stripe-account-status";

export type ConnectError =
  | "access_denied"
  | "invalid_state"
  | "expired_state"
  | "reused_state"
  | "foreign_state"
  | "already_linked"
  | "already_connected"
  | "stripe_error"
  | "not_admin";

const failure = (reason: ConnectError, message: string) => new ApiError("conflict", message, { reason });

/** Connect the account Stripe sent back for the organisation in the state; its id, or throws. */
export async function completeStripeConnect(params: URLSearchParams, organisationId: string, user: SessionUser): Promise<void> {
  // Only someone who (still) administers the organisation may connect it.
  try {
    await requireRole({ id: organisationId }, "admin");
  } catch {
    throw failure("not_admin", "Only owners and admins can connect a Stripe account.");
  }
  // Spent whatever Stripe answered: a state works once.
  const spending = spendConnectState(params.get("state"), user.id);
  const oauthError = params.get("error");
  if (oauthError) {
    await spending.catch(() => undefined);
    log.info("Stripe Connect consent not given", { organisationId, error: oauthError });
    throw failure(oauthError === "access_denied" ? "access_denied" : "stripe_error", "Stripe consent was not given.");
  }
  await spending;

  const code = params.get("code");
  if (!code) throw failure("stripe_error", "Stripe sent no authorization code.");
  let accountId: string;
  let status: ReturnType<typeof accountStatus>;
  try {
    accountId = await exchangeOAuthCode(code);
    const linked = await db.organisation.findUnique({ where: { stripeAccountId: accountId }, select: { id: true } });
    if (linked && linked.id !== organisationId) throw failure("already_linked", "That Stripe account is connected to another organisation.");
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { stripeAccountId: true } });
    if (organisation.stripeAccountId && organisation.stripeAccountId !== accountId) {
      // A second consent while an account is connected: refuse it, and take back the access Stripe
      // just granted, so the second account is not left authorised to the platform.
      await deauthorizeAccount(accountId).catch((error: unknown) =>
        log.warn("could not deauthorize a refused second account", { organisationId, accountId, error }),
      );
      throw failure("already_connected", "This organisation already has a Stripe account connected.");
    }
    status = accountStatus(await retrieveAccount(accountId));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    log.warn("Stripe Connect failed", { organisationId, error });
    throw failure("stripe_error", "Stripe could not complete the connection.");
  }

  try {
    await db.$transaction(async (tx) => {
      // Only while no other account got connected meanwhile (two consents finishing at once).
      const { count } = await tx.organisation.updateMany({
        where: { id: organisationId, OR: [{ stripeAccountId: null }, { stripeAccountId: accountId }] },
        data: { ...status, stripeAccountId: accountId, stripeConnectedAt: new Date(), stripeDisconnectedAt: null, stripeAccountCheckedAt: new Date() },
      });
      if (count === 0) throw failure("already_connected", "This organisation already has a Stripe account connected.");
      // The organisation's account history: charges made on this account stay its own after a reconnect.
      if (!(await tx.stripeAccountConnection.findFirst({ where: { organisationId, stripeAccountId: accountId, disconnectedAt: null } }))) {
        // The account was connected before: what happened on it meanwhile was never applied in
        // full, so the worker re-syncs it (docs/stripe.md#re-sync).
        const before = await tx.stripeAccountConnection.findFirst({ where: { organisationId, stripeAccountId: accountId }, select: { id: true } });
        await tx.stripeAccountConnection.create({ data: { organisationId, stripeAccountId: accountId } });
        if (before) await queueResync({ organisationId, stripeAccountId: accountId, reason: "reconnect", requestedById: user.id }, tx);
      }
    });
  } catch (error) {
    // Another organisation took the account between our check and this write.
    if (isUniqueViolation(error)) throw failure("already_linked", "That Stripe account is connected to another organisation.");
    if (error instanceof ApiError && error.details.reason === "already_connected") {
      // The other consent won: take back the access this one granted, as above.
      await deauthorizeAccount(accountId).catch((reason: unknown) =>
        log.warn("could not deauthorize a refused second account", { organisationId, accountId, error: reason }),
      );
    }
    throw error;
  }
  log.info("Stripe account connected", { organisationId, accountId });
}
