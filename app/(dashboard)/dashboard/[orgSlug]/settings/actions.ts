"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { updateOrganisation } from "@/lib/organisations/create-organisation";
import { readOrganisationForm } from "@/lib/organisations/organisation-input";
import { readLogoField } from "@/lib/organisations/read-logo-field";

export const updateOrganisationAction = organisationAction("admin", async (form, { organisation }) => {
  const read = readOrganisationForm(form);
  const logo = await readLogoField(form);
  if (!read.ok || !logo.ok) return { error: "Some fields need your attention.", fieldErrors: { ...(read.ok ? {} : read.fieldErrors), ...(logo.ok ? {} : { logo: logo.error }) } };
  await updateOrganisation(organisation.id, read.input, logo.logo);
  revalidatePath(`/dashboard/${organisation.slug}`, "layout");
  return { ok: true, message: "Saved." };
});
