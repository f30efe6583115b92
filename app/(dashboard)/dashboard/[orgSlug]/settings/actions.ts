"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { organisationFormSchema } from "@/lib/organisations/organisation-input";
import { updateOrganisation } from "@/lib/organisations/update-organisation";

export const updateOrganisationAction = organisationAction("admin", organisationFormSchema(), async (input, { organisation }) => {
  await updateOrganisation(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}`, "layout");
  return { ok: true, message: "Saved." };
});
