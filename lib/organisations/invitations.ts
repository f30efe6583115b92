// Inviting people into an organisation by email: a magic link (through the outbox) that works once,
// for the invited address, within a week.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums.ts";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { ROLE_LABELS } from "@/lib/auth/roles";

const LIFETIME_MS = 7 * 24 * 60 * 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function inviteMember(organisation: { id: string; name: string }, invitedBy: { id: string; email: string }, email: string, role: Role) {
  const address = email.trim().toLowerCase();
  const existing = await db.membership.findFirst({ where: { organisationId: organisation.id, user: { email: address } } });
  if (existing) throw new ApiError("conflict", `${address} is already a member.`, { fields: { email: ["Already a member of this organisation."] } });
  const token = randomBytes(24).toString("base64url");
  await db.$transaction(async (tx) => {
    // A new invitation replaces an unaccepted earlier one for the same address.
    await tx.invitation.deleteMany({ where: { organisationId: organisation.id, email: address, acceptedAt: null } });
    await tx.invitation.create({ data: { organisationId: organisation.id, email: address, role, tokenHash: hash(token), invitedById: invitedBy.id, expiresAt: new Date(Date.now() + LIFETIME_MS) } });
    const link = new URL(`/invitations/${token}`, getEnv().APP_URL).toString();
    await enqueueEmail(tx, {
      to: address,
      kind: "invitation",
      subject: `You're invited to ${organisation.name} on Amply`,
      text: `${invitedBy.email} invited you to join ${organisation.name} on Amply as ${ROLE_LABELS[role].toLowerCase()}.\n\nAccept the invitation:\n\n${link}\n\nThe link works once, for ${address}, and expires in 7 days.\n`,
    });
  });
}

export type InvitationProblem = "not_found" | "expired" | "used" | "wrong_user";

export async function findInvitation(token: string) {
  return db.invitation.findUnique({ where: { tokenHash: hash(token) }, include: { organisation: { select: { name: true, slug: true } } } });
}

/** Accept for the signed-in user, whose email must be the invited one. */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<{ ok: true; slug: string } | { ok: false; problem: InvitationProblem }> {
  const invitation = await findInvitation(token);
  if (!invitation) return { ok: false, problem: "not_found" };
  if (invitation.acceptedAt) return { ok: false, problem: "used" };
  if (invitation.expiresAt < new Date()) return { ok: false, problem: "expired" };
  if (invitation.email !== user.email.toLowerCase()) return { ok: false, problem: "wrong_user" };
  const accepted = await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null }, data: { acceptedAt: new Date() } });
    if (count !== 1) return false;
    await tx.membership.upsert({
      where: { userId_organisationId: { userId: user.id, organisationId: invitation.organisationId } },
      create: { userId: user.id, organisationId: invitation.organisationId, role: invitation.role },
      update: {},
    });
    return true;
  });
  return accepted ? { ok: true, slug: invitation.organisation.slug } : { ok: false, problem: "used" };
}

/** Change a member's role or remove them; an organisation always keeps at least one owner. */
export async function changeMembership(organisationId: string, membershipId: string, change: { role: Role } | { remove: true }) {
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organisationId } });
    if (!membership) throw new ApiError("not_found", "That person is not a member of this organisation.");
    const losesOwner = membership.role === "owner" && ("remove" in change || change.role !== "owner");
    if (losesOwner && (await tx.membership.count({ where: { organisationId, role: "owner" } })) <= 1) {
      throw new ApiError("conflict", "An organisation needs at least one owner: make someone else owner first.");
    }
    if ("remove" in change) await tx.membership.delete({ where: { id: membership.id } });
    else await tx.membership.update({ where: { id: membership.id }, data: { role: change.role } });
  });
}
