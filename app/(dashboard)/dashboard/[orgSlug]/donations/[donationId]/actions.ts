"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { db } from "@/lib/db/client";
import { refundRequestSchema } from "@/lib/donations/refund-request-schema";
import { requestRefund } from "@/lib/donations/request-refund";
import { formatMoney } from "@/lib/money/amount";
import { correctReceipt } from "@/lib/receipts/correct-receipt";
import { correctReceiptInput, resendReceiptInput } from "@/lib/receipts/receipt-actions-input";
import { formatReceiptNumber } from "@/lib/receipts/receipt-content";
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

const schema = refundRequestSchema.extend({ donationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "There is no such donation.") });

export const refundAction = organisationAction("admin", schema, async (input, { organisation, user }) => {
  const refund = await requestRefund({ ...input, organisationId: organisation.id, requestedById: user.id });
  const request = await db.refundRequest.findUniqueOrThrow({ where: { id: refund.id }, select: { amount: true, currency: true } });
  revalidatePath(`/dashboard/${organisation.slug}/donations/${input.donationId}`);
  const amount = formatMoney(request.amount, request.currency);
  const message =
    refund.status === "requires_action"
      ? `Refund of ${amount} asked for. Stripe is emailing the donor for the bank account to send it to; it shows here as waiting until they answer.`
      : refund.destination === "customer_cash_balance"
        ? `Refund of ${amount} asked for. It goes back to the donor's cash balance with Stripe.`
        : `Refund of ${amount} asked for. It shows as pending until Stripe confirms it.`;
  return { ok: true, message };
});
