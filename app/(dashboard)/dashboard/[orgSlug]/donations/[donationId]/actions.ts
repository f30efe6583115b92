"use server";

import { revalidatePath } from "next/cache";
import { organisationAction } from "@/lib/auth/organisation-action";
import { formatReceiptNumber } from "@/lib/receipts/receipt-content";
import { correctReceiptInput, resendReceiptInput } from "@/lib/receipts/receipt-actions-input";
import { correctReceipt } from "@/lib/receipts/correct-receipt";
import { resendReceipt } from "@/lib/receipts/resend-receipt";

export const resendReceiptAction = organisationAction("admin", resendReceiptInput, async (input, { organisation }) => {
  const sent = await resendReceipt(organisation.id, input.donationId);
  revalidatePath(`/dashboard/${organisation.slug}/donations/${input.donationId}`);
  return { ok: true, message: `Receipt ${formatReceiptNumber(sent.number)} is on its way to ${sent.to}.` };
});

export const correctReceiptAction = organisationAction("admin", correctReceiptInput, async (input, { organisation }) => {
  const corrected = await correctReceipt(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}/donations/${input.donationId}`);
  const number = formatReceiptNumber(corrected.number);
  return {
    ok: true,
    message: corrected.emailed
      ? `Receipt ${number} replaces ${formatReceiptNumber(corrected.replaces)} and is on its way to the donor.`
      : `Receipt ${number} replaces ${formatReceiptNumber(corrected.replaces)}. The donor gave no email address, so it was not sent.`,
  };
});
