"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { embedOriginsFormSchema } from "@/lib/embed/embed-origins-form";
import { updateEmbedOrigins } from "@/lib/embed/update-embed-origins";

export const updateEmbedOriginsAction = organisationAction("admin", embedOriginsFormSchema(), async ({ embedOrigins }, { organisation }) => {
  await updateEmbedOrigins(organisation, embedOrigins);
  revalidatePath(`/dashboard/${organisation.slug}/share`);
  return {
    ok: true,
    message: embedOrigins.length ? "Saved: these sites can now show your donation form." : "Saved: no other site can show your donation form.",
  };
});
