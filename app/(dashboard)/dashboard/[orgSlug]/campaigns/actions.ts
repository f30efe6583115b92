"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { campaignFormSchema } from "@/lib/campaigns/campaign-input";
import { saveCampaign } from "@/lib/campaigns/save-campaign";
import { setCampaignArchived } from "@/lib/campaigns/set-campaign-archived";

export const saveCampaignAction = organisationAction("admin", campaignFormSchema(), async (input, { organisation }) => {
  const saved = await saveCampaign(organisation, { ...input, campaignId: input.campaignId || undefined });
  revalidatePath(`/dashboard/${organisation.slug}/campaigns`, "layout");
  revalidatePath(`/give/${organisation.slug}`);
  if (!input.campaignId) redirect(`/dashboard/${organisation.slug}/campaigns/${saved.id}?created=1`);
  return { ok: true, message: dashboardText("campaigns")("actions.saved") };
});

export const archiveCampaignAction = organisationAction(
  "admin",
  z.object({ campaignId: z.string().min(1).max(40), archive: z.enum(["true", "false"]) }),
  async ({ campaignId, archive }, { organisation }) => {
    await setCampaignArchived(organisation.id, campaignId, archive === "true");
    revalidatePath(`/dashboard/${organisation.slug}/campaigns`, "layout");
    revalidatePath(`/give/${organisation.slug}`);
    const t = dashboardText("campaigns");
    return { ok: true, message: archive === "true" ? t("actions.archived") : t("actions.reopened") };
  },
);
