// A receipt's email, written when the outbox sends it (never inside the transaction that books the
// payment): the text and HTML parts and the PDF, all from the Receipt row and what it points at.
import "server-only";
import { db } from "@/lib/db/client";
import type { EmailAttachment } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { manageUrl } from "@/lib/recurring/manage-link";
import { formatReceiptNumber, receiptHtml, receiptSubject, receiptText, type ReceiptData } from "./receipt-content";
import { renderReceiptPdf } from "./render-receipt-pdf";

/** Everything a receipt prints, read from the database. Null when there is no such receipt. */
export async function readReceiptData(receiptId: string): Promise<ReceiptData | null> {
  const receipt = await db.receipt.findUnique({
    where: { id: receiptId },
    include: {
      replaces: { select: { number: true } },
      organisation: true,
      donation: { include: { fund: { select: { name: true } }, campaign: { select: { name: true } }, recurringDonation: { select: { interval: true } } } },
    },
  });
  if (!receipt) return null;
  const { organisation, donation } = receipt;
  return {
    number: receipt.number,
    kind: receipt.kind,
    replacesNumber: receipt.replaces?.number ?? null,
    paidAt: donation.succeededAt ?? receipt.issuedAt,
    issuedAt: receipt.issuedAt,
    organisation: {
      name: organisation.name,
      legalName: organisation.legalName,
      registrationNumber: organisation.registrationNumber,
      address: organisation.address,
      email: organisation.email,
      timeZone: organisation.timeZone,
      taxStatement: organisation.taxStatement,
    },
    donor: { name: receipt.donorName, address: receipt.donorAddress },
    amount: donation.amount,
    feeCovered: donation.feeCovered,
    chargedAmount: donation.chargedAmount,
    currency: donation.currency,
    method: donation.method,
    paymentMethodType: donation.paymentMethodType,
    towards: donation.campaign?.name ?? donation.fund?.name ?? null,
    dedication: donation.dedication,
    interval: donation.recurringDonation?.interval ?? null,
    // An installment's period is on its donation (its invoice's); a receipt may carry its own.
    period:
      receipt.periodStart && receipt.periodEnd
        ? { start: receipt.periodStart, end: receipt.periodEnd }
        : donation.periodStart && donation.periodEnd
          ? { start: donation.periodStart, end: donation.periodEnd }
          : null,
    // Signed when the email is written, so the 30 days run from when the donor receives it.
    manageUrl: donation.recurringDonationId ? manageUrl(donation.recurringDonationId) : null,
    appUrl: getEnv().APP_URL,
    // The language the donor gave in, whatever the organisation uses now (an installment has its gift's).
    locale: donation.locale,
  };
}

export type ComposedEmail = { subject: string; text: string; html: string; attachments: EmailAttachment[] };

export async function composeReceiptEmail(receiptId: string): Promise<ComposedEmail> {
  const data = await readReceiptData(receiptId);
  if (!data) throw new Error(`receipt ${receiptId} does not exist`);
  const pdf = await renderReceiptPdf(data);
  return {
    subject: receiptSubject(data),
    text: receiptText(data),
    html: receiptHtml(data),
    attachments: [{ filename: `receipt-${formatReceiptNumber(data.number)}.pdf`, contentType: "application/pdf", content: Buffer.from(pdf) }],
  };
}
