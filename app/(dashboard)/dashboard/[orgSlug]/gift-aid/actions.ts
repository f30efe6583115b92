"use server";

import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { organisationAction } from "@/lib/auth/organisation-action";
import { createGiftAidExport } from "@/lib/gift-aid/create-gift-aid-export";
import { giftAidPeriodSchema } from "@/lib/gift-aid/gift-aid-period";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";
import { dashboardText } from "@/lib/i18n/dashboard-text";

export const createGiftAidExportAction = organisationAction("admin", giftAidPeriodSchema, async (period, { organisation, user }) => {
  const t = dashboardText("giftAid");
  if (!isUkOrganisation(organisation)) throw new ApiError("conflict", t("notUkError"));
  const created = await createGiftAidExport(organisation.id, { ...period, timeZone: organisation.timeZone }, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/gift-aid`);
  return { ok: true, message: t("record.done", { count: created.donationCount }) };
});
