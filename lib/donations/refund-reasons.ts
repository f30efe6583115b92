/** Stripe's refund reasons; the dashboard's words for them are in its message files (donations.refundForm.reasons). */
export const REFUND_REASONS = ["requested_by_customer", "duplicate", "fraudulent"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
