"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { updateOrganisation } from "@/lib/organisations/create-organisation";
import { readOrganisationForm } from "@/lib/organisations/organisation-input";

export const updateOrganisationAction = organisationAction("admin", async (form, { organisation }) => {
  const read = readOrganisationForm(form);
  if (!read.ok) return { error: "Some fields need your attention.", fieldErrors: read.fieldErrors };
  await updateOrganisation(organisation.id, read.input);
  revalidatePath(`/dashboard/${organisation.slug}`, "layout");
  return { ok: true, message: "Saved." };
});
