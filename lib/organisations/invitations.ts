// Inviting people into an organisation by email: a magic link (through the outbox) that works once,
// for the invited address, within a week, and only while the person who sent it still holds the
// role it grants. Owners see pending invitations and can revoke them.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { hasRole, ROLE_LABELS } from "@/lib/auth/roles";
import { db, type Tx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums.ts";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { dashboardText } from "@/lib/i18n/dashboard-text";

const LIFETIME_MS = 7 * 24 * 60 * 60_000;

// What the people inviting and invited read; the dashboard is English for now.
const text = dashboardText("members");

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function inviteMember(
  organisation: { id: string; name: string },
  invitedBy: { id: string; email: string; role: Role },
  email: string,
  role: Role,
) {
  if (!hasRole(invitedBy.role, role)) throw new ApiError("forbidden", text("errors.inviteAbove", { role: text(`errors.roleLower.${role}`) }));
  const address = email.trim().toLowerCase();
  const existing = await db.membership.findFirst({ where: { organisationId: organisation.id, user: { email: address } } });
  if (existing) throw new ApiError("conflict", text("errors.alreadyMember", { email: address }), { fields: { email: [text("errors.alreadyMemberField")] } });
  const token = randomBytes(24).toString("base64url");
  await db.$transaction(async (tx) => {
    // A new invitation replaces an unaccepted earlier one for the same address.
    await tx.invitation.deleteMany({ where: { organisationId: organisation.id, email: address, acceptedAt: null } });
    await tx.invitation.create({
      data: {
        organisationId: organisation.id,
        email: address,
        role,
        tokenHash: hash(token),
        invitedById: invitedBy.id,
        expiresAt: new Date(Date.now() + LIFETIME_MS),
      },
    });
    const link = new URL(`/invitations/${token}`, getEnv().APP_URL).toString();
    await enqueueEmail(tx, {
      to: address,
      kind: "invitation",
      subject: `You're invited to ${organisation.name} on Amply`,
      text: `${invitedBy.email} invited you to join ${organisation.name} on Amply as ${ROLE_LABELS[role].toLowerCase()}.\n\nAccept the invitation:\n\n${link}\n\nThe link works once, for ${address}, and expires in 7 days.\n`,
    });
  });
}

/** An owner takes back an invitation that has not been accepted. */
export async function revokeInvitation(organisationId: string, invitationId: string) {
  const { count } = await db.invitation.updateMany({
    where: { id: invitationId, organisationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count !== 1) throw new ApiError("not_found", text("errors.alreadyAnswered"));
}

/** Pending invitations a member sent that grant more than `role` (all of them when they leave). */
export async function revokeInvitationsAbove(tx: Tx, organisationId: string, userId: string, role: Role | null) {
  const above: Role[] = role === null ? ["viewer", "admin", "owner"] : (["viewer", "admin", "owner"] as const).filter((candidate) => !hasRole(role, candidate));
  if (above.length === 0) return;
  await tx.invitation.updateMany({
    where: { organisationId, invitedById: userId, acceptedAt: null, revokedAt: null, role: { in: above } },
    data: { revokedAt: new Date() },
  });
}

export async function findInvitation(token: string) {
  return db.invitation.findUnique({ where: { tokenHash: hash(token) }, include: { organisation: { select: { name: true, slug: true } } } });
}

const refused = (reason: string, message: string) => new ApiError("conflict", message, { reason });

/** Why an invitation cannot be accepted now, or nothing when it can. */
async function checkInvitation(invitation: NonNullable<Awaited<ReturnType<typeof findInvitation>>>, user: { email: string }) {
  if (invitation.acceptedAt) throw refused("used", text("errors.used"));
  if (invitation.revokedAt) throw refused("revoked", text("errors.revoked"));
  if (invitation.expiresAt < new Date()) throw refused("expired", text("errors.expired"));
  if (invitation.email !== user.email.toLowerCase()) throw refused("wrong_user", text("errors.wrongUser"));
  // An invitation grants at most what its sender holds now: a sender who left or was demoted
  // cannot let someone in above their current role.
  const sender = invitation.invitedById
    ? await db.membership.findUnique({ where: { userId_organisationId: { userId: invitation.invitedById, organisationId: invitation.organisationId } } })
    : null;
  if (!sender || !hasRole(sender.role, invitation.role)) throw refused("revoked", text("errors.revoked"));
}

/** The invitation a signed-in person is looking at, if they may accept it (throws why not). */
export async function invitationFor(token: string, user: { email: string }) {
  const invitation = await findInvitation(token);
  if (!invitation) throw refused("not_found", text("errors.notFound"));
  await checkInvitation(invitation, user);
  return invitation;
}

/** Accept for the signed-in user, whose email must be the invited one. The organisation's slug. */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<string> {
  const invitation = await invitationFor(token, user);
  const accepted = await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (count !== 1) return false;
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } },
      create: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role },
      update: {},
    });
    return true;
  });
  if (!accepted) throw refused("used", text("errors.used"));
  return invitation.organisation.slug;
}
