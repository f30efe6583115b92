"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { changeMembership } from "@/lib/organisations/change-membership";
import { inviteMember, revokeInvitation } from "@/lib/organisations/invitations";

const role = z.enum(["owner", "admin", "viewer"], { error: "Choose a role." });

const inviteSchema = z.object({
  email: z.string().trim().pipe(z.email("Enter the email address to invite, like name@example.org.")),
  role,
});

export const inviteAction = organisationAction("owner", inviteSchema, async (input, { organisation, user, role: senderRole }) => {
  await inviteMember(organisation, { ...user, role: senderRole }, input.email, input.role);
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: `Invitation sent to ${input.email}.` };
});

const changeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
  z.object({ intent: z.literal("role"), membershipId: z.string().min(1), role }),
]);

export const changeMemberAction = organisationAction("owner", changeSchema, async (input, { organisation }) => {
  await changeMembership(organisation.id, input.membershipId, input.intent === "remove" ? { remove: true } : { role: input.role });
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: "Saved." };
});

export const revokeInvitationAction = organisationAction("owner", z.object({ invitationId: z.string().min(1) }), async (input, { organisation }) => {
  await revokeInvitation(organisation.id, input.invitationId);
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: "Invitation revoked: its link no longer works." };
});
