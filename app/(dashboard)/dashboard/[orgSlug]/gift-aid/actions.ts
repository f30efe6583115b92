"use server";

import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { organisationAction } from "@/lib/auth/organisation-action";
import { createGiftAidExport } from "@/lib/gift-aid/create-gift-aid-export";
import { giftAidPeriodSchema } from "@/lib/gift-aid/gift-aid-period";
import { isUkOrganisation } from "@/lib/gift-aid/offers-gift-aid";

export const createGiftAidExportAction = organisationAction("admin", giftAidPeriodSchema, async (period, { organisation, user }) => {
  if (!isUkOrganisation(organisation)) throw new ApiError("conflict", "Gift Aid is a UK tax relief: it is only for organisations in the UK.");
  const created = await createGiftAidExport(organisation.id, { ...period, timeZone: organisation.timeZone }, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/gift-aid`);
  return {
    ok: true,
    message: `Export recorded: ${created.donationCount} donation${created.donationCount === 1 ? "" : "s"}. Download its files below.`,
  };
});
