"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { receiptSettingsInput, updateReceiptSettings } from "@/lib/organisations/receipt-settings";

export const updateReceiptSettingsAction = organisationAction("admin", receiptSettingsInput, async (input, { organisation }) => {
  await updateReceiptSettings(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}/settings/receipts`);
  return { ok: true, message: dashboardText("settings")("receipts.saved") };
});
