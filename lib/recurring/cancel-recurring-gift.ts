// Cancelling a recurring gift at once, by the donor or by an admin at the donor's request: Stripe
// ends the subscription (nothing more is invoiced, nothing is refunded); the reason, if given, is
// kept with the change and in the subscription's cancellation details on the organisation's account.
import "server-only";
import { cancelSubscription } from "@/lib/stripe/cancel-subscription";
import type { ManagedGift } from "./authorize-managed-gift";
import { changeEmail, type ChangeMadeBy } from "./change-emails";
import { forGift, liveSubscription } from "./gift-stripe";
import { applyChange, beginChange, changeKey } from "./record-change";

export async function cancelRecurringGift(
  gift: NonNullable<ManagedGift>,
  input: { requestId: string; reason?: string | null },
  userId: string | null = null,
  madeBy: ChangeMadeBy = userId === null ? "donor" : "organisation_for_donor",
) {
  const { account, subscriptionId } = liveSubscription(gift);
  const reason = input.reason?.trim() || null;
  const change = await beginChange(gift, { requestId: input.requestId, kind: "cancel", userId, detail: { reason } });
  await forGift(gift, () => cancelSubscription(account, subscriptionId, change.detail.reason, changeKey(change, "cancel")));
  await applyChange(
    change,
    changeEmail(
      gift,
      ({ t, organisation, figure }) => ({
        subject: t("change.cancel.subject"),
        body: [
          t(madeBy === "organisation" ? "change.cancel.byOrganisation" : "change.cancel.cancelled", {
            organisation,
            figure: figure(gift.amount, gift.feeCovered, gift.interval),
          }),
          t("change.cancel.thanks"),
        ],
      }),
      madeBy,
    ),
  );
}
