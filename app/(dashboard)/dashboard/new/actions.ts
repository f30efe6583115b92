"use server";

import { redirect } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { publicAction } from "@/lib/auth/public-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { organisationFormSchema } from "@/lib/organisations/organisation-input";

/** Any signed-in person may start an organisation; they become its owner. */
export const createOrganisationAction = publicAction(organisationFormSchema({ slug: true }), async (input, { user }) => {
  if (!user) throw new ApiError("unauthenticated", dashboardText("settings")("newOrganisation.sessionEnded"));
  await createOrganisation(input, user.id);
  redirect(`/dashboard/${input.slug}/settings/payments`);
});
