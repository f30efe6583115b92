"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { fundFormSchema } from "@/lib/campaigns/fund-input";
import { saveFund } from "@/lib/campaigns/save-fund";
import { setFundArchived } from "@/lib/campaigns/set-fund-archived";

export const saveFundAction = organisationAction("admin", fundFormSchema, async (input, { organisation }) => {
  await saveFund(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}`, "layout");
  revalidatePath(`/give/${organisation.slug}`);
  const t = dashboardText("funds");
  return { ok: true, message: input.fundId ? t("actions.saved") : t("actions.created", { name: input.name }) };
});

export const archiveFundAction = organisationAction(
  "admin",
  z.object({ fundId: z.string().min(1).max(40), archive: z.enum(["true", "false"]) }),
  async ({ fundId, archive }, { organisation }) => {
    await setFundArchived(organisation.id, fundId, archive === "true");
    revalidatePath(`/dashboard/${organisation.slug}`, "layout");
    revalidatePath(`/give/${organisation.slug}`);
    const t = dashboardText("funds");
    return { ok: true, message: archive === "true" ? t("actions.archived") : t("actions.reopened") };
  },
);
