/** Stripe's refund reasons, with the words the dashboard shows for them. */
export const REFUND_REASONS = ["requested_by_customer", "duplicate", "fraudulent"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const REFUND_REASON_LABELS: Record<RefundReason, string> = {
  requested_by_customer: "The donor asked for it",
  duplicate: "A duplicate payment",
  fraudulent: "A fraudulent payment",
};
