import { formatReceiptNumber } from "@/lib/receipts/receipt-content";

/** The organisation's own sequence (1, 2, 3... with no gaps), taken when the gift succeeds. */
export function receiptNumber(donation: { receiptNumber: number }): string {
  return formatReceiptNumber(donation.receiptNumber);
}

/**
 * The first receipt of a donation is emailed once however often Stripe delivers its success: its
 * outbox row carries this key (docs/stripe.md#one-receipt-from-amply). Resent and corrected
 * receipts are new messages, without one.
 */
export function receiptDedupeKey(donationId: string): string {
  return `receipt:${donationId}`;
}

/** What a receipt's outbox row says until the outbox writes the email, as it sends it. */
export const PENDING_RECEIPT_TEXT = "(The receipt is written when it is sent.)";
