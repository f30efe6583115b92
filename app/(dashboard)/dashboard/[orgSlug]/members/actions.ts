"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { changeMembership } from "@/lib/organisations/change-membership";
import { inviteMember, revokeInvitation } from "@/lib/organisations/invitations";

const text = () => dashboardText("members");

const role = z.enum(["owner", "admin", "viewer"], { error: () => text()("actions.chooseRole") });

const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email({ error: () => text()("actions.enterEmail") })),
  role,
});

export const inviteAction = organisationAction("owner", inviteSchema, async (input, { organisation, user, role: senderRole }) => {
  await inviteMember(organisation, { ...user, role: senderRole }, input.email, input.role);
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: text()("actions.invited", { email: input.email }) };
});

const changeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("remove"), membershipId: z.string().min(1) }),
  z.object({ intent: z.literal("role"), membershipId: z.string().min(1), role }),
]);

export const changeMemberAction = organisationAction("owner", changeSchema, async (input, { organisation }) => {
  await changeMembership(organisation.id, input.membershipId, input.intent === "remove" ? { remove: true } : { role: input.role });
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: text()("actions.saved") };
});

export const revokeInvitationAction = organisationAction("owner", z.object({ invitationId: z.string().min(1) }), async (input, { organisation }) => {
  await revokeInvitation(organisation.id, input.invitationId);
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: text()("actions.revoked") };
});
