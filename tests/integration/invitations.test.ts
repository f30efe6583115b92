// Invitations against real rows: an invitation grants at most what its sender holds when it is
// accepted, owners can revoke one, and a sender who leaves or is demoted takes theirs along.
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/db/generated/enums.ts";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));

const { db } = await import("@/lib/db/client");
const { changeMembership } = await import("@/lib/organisations/change-membership");
const { acceptInvitation, inviteMember, revokeInvitation } = await import("@/lib/organisations/invitations");
const { revokeInvitationAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/members/actions");
const { organisationWithMembers: organisationWith, person } = await import("../support/fixtures");

/** Invite, and read the token back from the email the outbox holds (as the invitee would). */
async function invite(organisation: { id: string; name: string }, sender: { id: string; email: string; role: Role }, invitee: { email: string }, role: Role) {
  await inviteMember(organisation, sender, invitee.email, role);
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: invitee.email, kind: "invitation" }, orderBy: { createdAt: "desc" } });
  return String(/\/invitations\/([\w-]+)/.exec(mail.text)?.[1]);
}

const membershipOf = (userId: string, organisationId: string) => db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } });

describe("invitations", () => {
  it("stop working when their sender is removed, and nobody joins", async () => {
    const [founder, cofounder, invitee] = [await person("founder"), await person("cofounder"), await person("invitee")];
    const organisation = await organisationWith([
      [founder, "owner"],
      [cofounder, "owner"],
    ]);
    const token = await invite(organisation, { ...cofounder, role: "owner" }, invitee, "owner");
    const cofounderMembership = await membershipOf(cofounder.id, organisation.id);
    await changeMembership(organisation.id, String(cofounderMembership?.id), { remove: true });
    await expect(acceptInvitation(token, invitee)).rejects.toMatchObject({ details: { reason: "revoked" } });
    expect(await membershipOf(invitee.id, organisation.id)).toBeNull();
  });

  it("above the sender's new role stop working when the sender is demoted; those within it still work", async () => {
    const [founder, partner, wouldBeOwner, viewer] = [await person("founder"), await person("partner"), await person("would-be-owner"), await person("viewer")];
    const organisation = await organisationWith([
      [founder, "owner"],
      [partner, "owner"],
    ]);
    const ownerToken = await invite(organisation, { ...partner, role: "owner" }, wouldBeOwner, "owner");
    const viewerToken = await invite(organisation, { ...partner, role: "owner" }, viewer, "viewer");
    await changeMembership(organisation.id, String((await membershipOf(partner.id, organisation.id))?.id), { role: "admin" });
    await expect(acceptInvitation(ownerToken, wouldBeOwner)).rejects.toMatchObject({ details: { reason: "revoked" } });
    expect(await membershipOf(wouldBeOwner.id, organisation.id)).toBeNull();
    await acceptInvitation(viewerToken, viewer);
    expect(await membershipOf(viewer.id, organisation.id)).toMatchObject({ role: "viewer" });
  });

  it("never grant more than the sender holds when accepted, even if nothing revoked them", async () => {
    const [founder, partner, invitee] = [await person("founder"), await person("partner"), await person("invitee")];
    const organisation = await organisationWith([
      [founder, "owner"],
      [partner, "owner"],
    ]);
    const token = await invite(organisation, { ...partner, role: "owner" }, invitee, "owner");
    // The sender's role changed behind the application's back (a manual fix in the database).
    await db.membership.update({ where: { userId_organisationId: { userId: partner.id, organisationId: organisation.id } }, data: { role: "viewer" } });
    await expect(acceptInvitation(token, invitee)).rejects.toMatchObject({ details: { reason: "revoked" } });
    expect(await membershipOf(invitee.id, organisation.id)).toBeNull();
  });

  it("cannot be sent for a role above the sender's own", async () => {
    const [founder, admin, invitee] = [await person("founder"), await person("admin"), await person("invitee")];
    const organisation = await organisationWith([
      [founder, "owner"],
      [admin, "admin"],
    ]);
    await expect(inviteMember(organisation, { ...admin, role: "admin" }, invitee.email, "owner")).rejects.toMatchObject({ status: 403 });
    expect(await db.invitation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });

  it("can be revoked by an owner, after which the link refuses", async () => {
    const [founder, invitee] = [await person("founder"), await person("invitee")];
    const organisation = await organisationWith([[founder, "owner"]]);
    const token = await invite(organisation, { ...founder, role: "owner" }, invitee, "admin");
    const pending = await db.invitation.findFirstOrThrow({ where: { organisationId: organisation.id, email: invitee.email } });
    await revokeInvitation(organisation.id, pending.id);
    await expect(acceptInvitation(token, invitee)).rejects.toMatchObject({ details: { reason: "revoked" } });
    await expect(revokeInvitation(organisation.id, pending.id)).rejects.toMatchObject({ status: 404 });
    expect(await membershipOf(invitee.id, organisation.id)).toBeNull();
  });

  it("can only be revoked by an owner", async () => {
    const [founder, admin, invitee] = [await person("founder"), await person("admin"), await person("invitee")];
    const organisation = await organisationWith([
      [founder, "owner"],
      [admin, "admin"],
    ]);
    await invite(organisation, { ...founder, role: "owner" }, invitee, "viewer");
    const pending = await db.invitation.findFirstOrThrow({ where: { organisationId: organisation.id, email: invitee.email } });
    session.user = admin;
    const form = new FormData();
    form.set("organisationId", organisation.id);
    form.set("invitationId", pending.id);
    expect(await revokeInvitationAction({}, form)).toMatchObject({ error: expect.stringMatching(/needs the owner role/) as string });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: pending.id } })).revokedAt).toBeNull();
  });

  it("two owners demoting each other at once leave the organisation one owner", async () => {
    const [first, second] = [await person("owner-a"), await person("owner-b")];
    const organisation = await organisationWith([
      [first, "owner"],
      [second, "owner"],
    ]);
    const [a, b] = await Promise.all([membershipOf(first.id, organisation.id), membershipOf(second.id, organisation.id)]);
    const results = await Promise.allSettled([
      changeMembership(organisation.id, String(a?.id), { role: "viewer" }),
      changeMembership(organisation.id, String(b?.id), { role: "viewer" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { organisationId: organisation.id, role: "owner" } })).toBe(1);
  });
});
