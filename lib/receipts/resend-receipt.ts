import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { PENDING_RECEIPT_TEXT } from "@/lib/donations/receipt";
import { hit } from "@/lib/rate-limit/rate-limit";
import { currentReceipt } from "./current-receipt";
import { formatReceiptNumber } from "./receipt-content";

/** A donor's inbox is not a place to flood: a few resends per gift, and a cap per organisation. */
export const RESEND_LIMITS = {
  perDonation: { max: 3, windowSeconds: 60 * 60 },
  perOrganisation: { max: 60, windowSeconds: 60 * 60 },
};

/**
 * Email the donor the receipt in force for this donation again (the newest correction, if any),
 * the same receipt with the same number. Limited per donation and per organisation; a refused
 * request is not counted.
 */
export async function resendReceipt(organisationId: string, donationId: string) {
  const { receipt, donorEmail } = await currentReceipt(db, organisationId, donationId);
  if (!donorEmail) throw new ApiError("conflict", "This donation has no donor email address to send the receipt to.");
  for (const [key, limit] of [
    [`receipt-resend:${donationId}`, RESEND_LIMITS.perDonation],
    [`receipt-resend-org:${organisationId}`, RESEND_LIMITS.perOrganisation],
  ] as const) {
    const result = await hit({ key, ...limit });
    if (!result.allowed) {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      throw new ApiError("rate_limited", `This receipt has been sent several times already. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, {
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
  }
  await enqueueEmail(db, {
    to: donorEmail,
    subject: `Your receipt (${formatReceiptNumber(receipt.number)})`,
    text: PENDING_RECEIPT_TEXT,
    kind: "receipt",
    receiptId: receipt.id,
  });
  return { number: receipt.number, to: donorEmail };
}
