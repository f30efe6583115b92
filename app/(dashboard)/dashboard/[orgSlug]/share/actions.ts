"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { embedOriginsFormSchema } from "@/lib/embed/embed-origins-form";
import { updateEmbedOrigins } from "@/lib/embed/update-embed-origins";

export const updateEmbedOriginsAction = organisationAction("admin", embedOriginsFormSchema(), async ({ embedOrigins }, { organisation }) => {
  await updateEmbedOrigins(organisation, embedOrigins);
  revalidatePath(`/dashboard/${organisation.slug}/share`);
  return {
    ok: true,
    message: dashboardText("share")(embedOrigins.length ? "origins.saved" : "origins.savedNone"),
  };
});
