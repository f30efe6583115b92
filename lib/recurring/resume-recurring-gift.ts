// Resuming a paused gift now: pause_collection unset; the next payment is at the end of the current period.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { retrieveSubscription, WITH_PAYMENT_DETAILS } from "@/lib/stripe/retrieve-subscription";
import { updateSubscription } from "@/lib/stripe/update-subscription";
import type { ManagedGift } from "./authorize-managed-gift";
import { changeEmail } from "./change-emails";
import { forGift, liveSubscription } from "./gift-stripe";
import { applyChange, beginChange, changeKey } from "./record-change";

export async function resumeRecurringGift(gift: NonNullable<ManagedGift>, input: { requestId: string }, userId: string | null = null) {
  const { account, subscriptionId } = liveSubscription(gift);
  const subscription = await forGift(gift, () => retrieveSubscription(account, subscriptionId, WITH_PAYMENT_DETAILS));
  // The same form sent again finds the pause already lifted: that change stands, Stripe replays its answer.
  const replay = await db.recurringChange.findUnique({ where: { requestId: input.requestId }, select: { id: true } });
  if (!subscription.pause_collection && !replay) throw new ApiError("conflict", "This gift is not paused.");
  const change = await beginChange(gift, { requestId: input.requestId, kind: "resume", userId, detail: {} });
  await forGift(gift, () => updateSubscription(account, subscriptionId, { pause_collection: "" }, changeKey(change, "update")));
  const next = subscription.items.data[0]?.current_period_end;
  await applyChange(
    change,
    changeEmail(
      gift,
      ({ t, organisation, date }) => ({
        subject: t("change.resume.subject"),
        body: [t("change.resume.resumed", { organisation }), ...(next ? [t("change.resume.next", { date: date(new Date(next * 1000)) })] : [])],
      }),
      userId === null ? "donor" : "organisation_for_donor",
    ),
  );
}
