// The second step: the donor confirmed the SetupIntent (or paid the open invoice) in the browser.
// Amply reads the outcome from Stripe, never from the page, checks it belongs to this gift's customer,
// and makes its payment method the subscription's default for the next payments.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { idOf } from "@/lib/stripe/ids";
import { retrieveInvoice } from "@/lib/stripe/retrieve-invoice";
import { retrievePaymentIntent } from "@/lib/stripe/retrieve-payment-intent";
import { retrieveSetupIntent } from "@/lib/stripe/retrieve-setup-intent";
import { retrieveSubscription, WITH_PAYMENT_DETAILS } from "@/lib/stripe/retrieve-subscription";
import { updateSubscription } from "@/lib/stripe/update-subscription";
import type { ManagedGift } from "./authorize-managed-gift";
import { changeEmail } from "./change-emails";
import { forGift, liveSubscription } from "./gift-stripe";
import { applyChange, beginChange, changeKey } from "./record-change";

const notYours = () => new ApiError("forbidden", "That payment method was not saved for this gift. Start again.");

export async function finishPaymentMethodUpdate(gift: NonNullable<ManagedGift>, input: { requestId: string; setupIntentId?: string; invoiceId?: string }) {
  const { account, subscriptionId } = liveSubscription(gift);
  const subscription = await forGift(gift, () => retrieveSubscription(account, subscriptionId, WITH_PAYMENT_DETAILS));
  const customer = idOf(subscription.customer);
  let paymentMethod: string | null;
  let paidInvoice = false;
  if (input.setupIntentId) {
    const setup = await forGift(gift, () => retrieveSetupIntent(account, String(input.setupIntentId)));
    if (idOf(setup.customer) !== customer || setup.metadata?.recurring_donation_id !== gift.id) throw notYours();
    if (setup.status !== "succeeded") throw new ApiError("conflict", "Your new payment method is not confirmed yet. Please complete the form.");
    paymentMethod = idOf(setup.payment_method);
  } else if (input.invoiceId) {
    const invoice = await forGift(gift, () => retrieveInvoice(account, String(input.invoiceId)));
    if (idOf(invoice.customer) !== customer || idOf(invoice.parent?.subscription_details?.subscription) !== subscriptionId) throw notYours();
    if (invoice.status !== "paid") throw new ApiError("conflict", "Your payment is not through yet. If you used a bank debit, it can take a few days.");
    const intentId = idOf(invoice.payments?.data.find((payment) => payment.status === "paid")?.payment.payment_intent);
    const intent = intentId ? await forGift(gift, () => retrievePaymentIntent(account, intentId)) : null;
    paymentMethod = idOf(intent?.payment_method);
    paidInvoice = true;
  } else {
    throw new ApiError("validation_failed", "Nothing to finish: start again.");
  }
  if (!paymentMethod) throw new ApiError("conflict", "Stripe did not keep a payment method for this gift. Please try again.");
  const change = await beginChange(gift, { requestId: input.requestId, kind: "payment_method", detail: { paymentMethod, paidInvoice } });
  const method = change.detail.paymentMethod;
  await forGift(gift, () => updateSubscription(account, subscriptionId, { default_payment_method: method }, changeKey(change, "default")));
  await applyChange(
    change,
    changeEmail(gift, ({ t, organisation }) => ({
      subject: t("change.paymentMethod.subject"),
      body: [t("change.paymentMethod.changed", { organisation }), ...(paidInvoice ? [t("change.paymentMethod.paid")] : [])],
    })),
  );
}
