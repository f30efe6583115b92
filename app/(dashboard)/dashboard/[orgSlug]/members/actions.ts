"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { formText } from "@/lib/form-text";
import { changeMembership, inviteMember } from "@/lib/organisations/invitations";

const role = z.enum(["owner", "admin", "viewer"], { error: "Choose a role." });

export const inviteAction = organisationAction("owner", async (form, { organisation, user }) => {
  const parsed = z.object({ email: z.email("Enter the email address to invite, like name@example.org."), role }).safeParse({ email: formText(form, "email").trim(), role: form.get("role") });
  if (!parsed.success) return { error: "Some fields need your attention.", fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  await inviteMember(organisation, user, parsed.data.email, parsed.data.role);
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: `Invitation sent to ${parsed.data.email}.` };
});

export const changeMemberAction = organisationAction("owner", async (form, { organisation }) => {
  const membershipId = formText(form, "membershipId");
  if (form.get("intent") === "remove") await changeMembership(organisation.id, membershipId, { remove: true });
  else {
    const parsed = role.safeParse(form.get("role"));
    if (!parsed.success) return { error: "Choose a role." };
    await changeMembership(organisation.id, membershipId, { role: parsed.data });
  }
  revalidatePath(`/dashboard/${organisation.slug}/members`);
  return { ok: true, message: "Saved." };
});
