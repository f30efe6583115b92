// Pausing a recurring gift for one to three months: pause_collection with behavior void, so the
// invoices of the paused periods are voided (nothing is owed for them later) and collection resumes
// by itself at resumes_at. The subscription stays active at Stripe (docs/recurring.md#pausing).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { retrieveSubscription, WITH_PAYMENT_DETAILS } from "@/lib/stripe/retrieve-subscription";
import { updateSubscription } from "@/lib/stripe/update-subscription";
import type { ManagedGift } from "./authorize-managed-gift";
import { changeEmail } from "./change-emails";
import { forGift, liveSubscription } from "./gift-stripe";
import { applyChange, beginChange, changeKey } from "./record-change";

export const PAUSE_MONTHS = [1, 2, 3] as const;

/** `months` calendar months after `from` (the 31st becomes the month's last day). */
export function monthsLater(from: Date, months: number): Date {
  const date = new Date(from);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return date;
}

export async function pauseRecurringGift(gift: NonNullable<ManagedGift>, input: { requestId: string; months: number }, userId: string | null = null) {
  const { account, subscriptionId } = liveSubscription(gift);
  const subscription = await forGift(gift, () => retrieveSubscription(account, subscriptionId, WITH_PAYMENT_DETAILS));
  if (subscription.status !== "active" && subscription.status !== "trialing") {
    throw new ApiError(
      "conflict",
      subscription.status === "past_due"
        ? "The last payment of this gift did not go through. Update the payment method first; then you can pause it."
        : "Only a running gift can be paused.",
    );
  }
  const change = await beginChange(gift, {
    requestId: input.requestId,
    kind: "pause",
    userId,
    detail: { months: input.months, resumesAt: Math.floor(monthsLater(new Date(), input.months).getTime() / 1000) },
  });
  const resumesAt = change.detail.resumesAt;
  await forGift(gift, () =>
    updateSubscription(account, subscriptionId, { pause_collection: { behavior: "void", resumes_at: resumesAt } }, changeKey(change, "update")),
  );
  await applyChange(
    change,
    changeEmail(
      gift,
      ({ t, organisation, date }) => ({
        subject: t("change.pause.subject"),
        body: [t("change.pause.paused", { organisation, date: date(new Date(resumesAt * 1000)) }), t("change.pause.skipped")],
      }),
      userId === null ? "donor" : "organisation_for_donor",
    ),
  );
}
