"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { requestResync } from "@/lib/resync/request-resync";

export const startResyncAction = organisationAction("admin", z.object({}), async (_input, { organisation, user }) => {
  await requestResync(organisation.id, { reason: "manual", requestedById: user.id });
  revalidatePath(`/dashboard/${organisation.slug}/settings/payments`);
  return { ok: true, message: dashboardText("resync")("started") };
});
