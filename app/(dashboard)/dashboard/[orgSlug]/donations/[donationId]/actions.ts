"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { organisationAction } from "@/lib/auth/organisation-action";
import { refundRequestSchema } from "@/lib/donations/refund-request-schema";
import { requestRefund } from "@/lib/donations/request-refund";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/amount";

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
