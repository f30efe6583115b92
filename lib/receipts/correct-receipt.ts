import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { PENDING_RECEIPT_TEXT } from "@/lib/donations/receipt";
import { currentReceipt } from "./current-receipt";
import type { CorrectReceiptInput } from "./receipt-actions-input";
import { formatReceiptNumber } from "./receipt-content";

/**
 * Correct the donor's name and address on a donation's receipt: a new receipt, with the
 * organisation's next number, that names the one it replaces; the old one stays as it was issued
 * (docs/receipts.md#corrections). The donor is emailed the new one. All or nothing: the number, the
 * receipt and its email are written in one transaction, with the donation locked so that two
 * corrections at once make a chain, never two replacements of one receipt.
 */
export async function correctReceipt(organisationId: string, input: CorrectReceiptInput) {
  return db.$transaction(async (tx) => {
    // Same lock order as the payment's success (donation, then the organisation's counter).
    await tx.$queryRaw`SELECT id FROM "Donation" WHERE id = ${input.donationId} AND "organisationId" = ${organisationId} FOR UPDATE`;
    const { donation, receipt, donorEmail } = await currentReceipt(tx, organisationId, input.donationId);
    if ((receipt.donorName ?? "") === input.donorName && (receipt.donorAddress ?? null) === input.donorAddress) {
      throw new ApiError("validation_failed", "The receipt already shows this name and address: there is nothing to correct.", {
        fields: { donorName: ["Change the name or the address to correct the receipt."] },
      });
    }
    const { receiptCounter: number } = await tx.organisation.update({
      where: { id: organisationId },
      data: { receiptCounter: { increment: 1 } },
      select: { receiptCounter: true },
    });
    const corrected = await tx.receipt.create({
      data: {
        organisationId,
        donationId: donation.id,
        number,
        kind: "correction",
        replacesReceiptId: receipt.id,
        donorName: input.donorName,
        donorAddress: input.donorAddress,
        periodStart: receipt.periodStart,
        periodEnd: receipt.periodEnd,
      },
    });
    if (donorEmail) {
      await enqueueEmail(tx, {
        to: donorEmail,
        subject: `Your corrected receipt (${formatReceiptNumber(number)})`,
        text: PENDING_RECEIPT_TEXT,
        kind: "receipt",
        receiptId: corrected.id,
      });
    }
    return { receiptId: corrected.id, number, replaces: receipt.number, emailed: Boolean(donorEmail) };
  });
}
