import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums.ts";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { revokeInvitationsAbove } from "./invitations";

/**
 * Change a member's role or remove them; an organisation always keeps at least one owner. The
 * invitations they sent that grant more than they now hold are revoked with the change.
 */
export async function changeMembership(organisationId: string, membershipId: string, change: { role: Role } | { remove: true }) {
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: membershipId, organisationId } });
    if (!membership) throw new ApiError("not_found", dashboardText("members")("errors.notMember"));
    const losesOwner = membership.role === "owner" && ("remove" in change || change.role !== "owner");
    // The owners' rows are locked before they are counted: two owners demoting each other at once
    // would otherwise each count two owners and leave none.
    const owners = losesOwner
      ? await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Membership" WHERE "organisationId" = ${organisationId} AND role = 'owner' FOR UPDATE`
      : [];
    if (losesOwner && owners.length <= 1) {
      throw new ApiError("conflict", dashboardText("members")("errors.lastOwner"));
    }
    if ("remove" in change) await tx.membership.delete({ where: { id: membership.id } });
    else await tx.membership.update({ where: { id: membership.id }, data: { role: change.role } });
    await revokeInvitationsAbove(tx, organisationId, membership.userId, "remove" in change ? null : change.role);
  });
}
