"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { db } from "@/lib/db/client";
import { refundRequestSchema } from "@/lib/donations/refund-request-schema";
import { requestRefund } from "@/lib/donations/request-refund";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import { correctReceipt } from "@/lib/receipts/correct-receipt";
import { correctReceiptInput, resendReceiptInput } from "@/lib/receipts/receipt-actions-input";
import { formatReceiptNumber } from "@/lib/receipts/receipt-content";
import { resendReceipt } from "@/lib/receipts/resend-receipt";

export const resendReceiptAction = organisationAction("admin", resendReceiptInput, async (input, { organisation }) => {
  const sent = await resendReceipt(organisation.id, input.donationId);
  revalidatePath(`/dashboard/${organisation.slug}/donations/${input.donationId}`);
  return { ok: true, message: dashboardText("receiptsAdmin")("resend.done", { number: formatReceiptNumber(sent.number), to: sent.to }) };
});

export const correctReceiptAction = organisationAction("admin", correctReceiptInput, async (input, { organisation }) => {
  const corrected = await correctReceipt(organisation.id, input);
  revalidatePath(`/dashboard/${organisation.slug}/donations/${input.donationId}`);
  const t = dashboardText("receiptsAdmin");
  const numbers = { number: formatReceiptNumber(corrected.number), replaces: formatReceiptNumber(corrected.replaces) };
  return { ok: true, message: corrected.emailed ? t("correct.doneEmailed", numbers) : t("correct.doneNotEmailed", numbers) };
});

const schema = refundRequestSchema.extend({ donationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, dashboardText("donations")("noSuchDonation")) });

export const refundAction = organisationAction("admin", schema, async (input, { organisation, user }) => {
  const refund = await requestRefund({ ...input, organisationId: organisation.id, requestedById: user.id });
  const request = await db.refundRequest.findUniqueOrThrow({ where: { id: refund.id }, select: { amount: true, currency: true } });
  revalidatePath(`/dashboard/${organisation.slug}/donations/${input.donationId}`);
  const t = dashboardText("donations");
  const amount = { amount: formatMoney(request.amount, request.currency) };
  const message =
    refund.status === "requires_action"
      ? t("refundAsked.bankDetails", amount)
      : refund.destination === "customer_cash_balance"
        ? t("refundAsked.cashBalance", amount)
        : t("refundAsked.pending", amount);
  return { ok: true, message };
});
