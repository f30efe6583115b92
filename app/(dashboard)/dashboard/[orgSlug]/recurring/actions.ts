"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { organisationAction } from "@/lib/auth/organisation-action";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { cancelRecurringGift } from "@/lib/recurring/cancel-recurring-gift";

const t = dashboardText("recurringGifts");

const schema = z.object({
  giftId: z.string().min(1).max(64),
  requestId: z.string().min(8).max(100),
  reason: z.string().trim().max(500, t("cancel.noteTooLong")).optional(),
});

/** An admin cancels a gift because the donor asked them to (by phone, by letter...). */
export const cancelRecurringForDonorAction = organisationAction("admin", schema, async (input, { organisation, user }) => {
  const gift = await db.recurringDonation.findFirst({
    where: { id: input.giftId, organisationId: organisation.id },
    include: { donor: true, organisation: { include: { feeRates: true } } },
  });
  if (!gift) throw new ApiError("not_found", t("cancel.noSuchGift"));
  await cancelRecurringGift(gift, input, user.id);
  revalidatePath(`/dashboard/${organisation.slug}/recurring`);
  return { ok: true, message: t("cancel.done") };
});
