"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { organisationFormSchema } from "@/lib/organisations/organisation-input";
import { updateOrganisation } from "@/lib/organisations/update-organisation";
import { givePageFormSchema } from "@/lib/campaigns/give-page-input";
import { updateGivePage } from "@/lib/campaigns/update-give-page";

export const updateOrganisationAction = organisationAction("admin", organisationFormSchema(), async (input, { organisation }) => {
  await updateOrganisation(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}`, "layout");
  return { ok: true, message: dashboardText("settings")("general.saved") };
});

export const updateGivePageAction = organisationAction("admin", givePageFormSchema(), async (input, { organisation }) => {
  await updateGivePage(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}/settings`);
  revalidatePath(`/give/${organisation.slug}`);
  return { ok: true, message: dashboardText("settings")("general.givePageSaved") };
});
