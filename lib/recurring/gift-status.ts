// How a recurring gift's state reads in Amply (docs/recurring.md#pausing): Stripe keeps a paused
// subscription `active` and a gift switching interval `trialing`; people see paused and active.
import type Stripe from "stripe";

export const GIFT_STATUSES = ["active", "past_due", "paused", "canceled"] as const;
export type GiftStatus = (typeof GIFT_STATUSES)[number] | "incomplete";

export const GIFT_STATUS_LABELS: Record<GiftStatus, string> = {
  active: "Active",
  past_due: "Past due",
  paused: "Paused",
  canceled: "Cancelled",
  incomplete: "Not started",
};

export function giftStatus(gift: { status: string; pausedUntil: Date | null }): GiftStatus {
  if (gift.status === "canceled" || gift.status === "incomplete_expired" || gift.status === "unpaid") return "canceled";
  if (gift.status === "past_due") return "past_due";
  if (gift.status === "incomplete") return "incomplete";
  return gift.pausedUntil ? "paused" : "active";
}

/** The where-clause of a status filter over RecurringDonation rows. */
export function statusWhere(status: GiftStatus) {
  switch (status) {
    case "canceled":
      return { status: { in: ["canceled", "incomplete_expired", "unpaid"] } };
    case "past_due":
      return { status: "past_due" };
    case "incomplete":
      return { status: "incomplete" };
    case "paused":
      return { status: { in: ["active", "trialing"] }, pausedUntil: { not: null } };
    case "active":
      return { status: { in: ["active", "trialing"] }, pausedUntil: null };
  }
}

/** For the subscription webhook: when a paused subscription resumes, or null when it is not paused. */
export function pausedUntilOf(subscription: Pick<Stripe.Subscription, "pause_collection">): Date | null {
  const pause = subscription.pause_collection;
  if (!pause) return null;
  // Paused with no end date: until the donor resumes; shown as paused with no date.
  return new Date((pause.resumes_at ?? 253402300799) * 1000);
}
