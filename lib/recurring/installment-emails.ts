// The emails a recurring gift sends its donor when an installment cannot be taken: once per invoice
// (by its dedupe key), however often Stripe retries the payment or delivers the event.
import "server-only";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/money/amount";
import { manageUrl } from "./manage-link";

type Gift = { id: string; donorEmail: string; donorName: string | null; organisationName: string; interval: "month" | "year" };
type Invoice = { id: string; amount_due: number; currency: string };

const every = (gift: Gift) => (gift.interval === "year" ? "yearly" : "monthly");

export function paymentFailedEmail(gift: Gift, invoice: Invoice): EmailMessage {
  const amount = formatMoney(invoice.amount_due, invoice.currency.toUpperCase(), "en-GB");
  const text = [
    `Dear ${gift.donorName || "supporter"},`,
    "",
    `We could not take this installment of your ${every(gift)} gift of ${amount} to ${gift.organisationName}. We will try again over the next days.`,
    "",
    `To keep your gift going, update your payment method here (the link works for 30 days):`,
    manageUrl(gift.id),
    "",
    `Thank you for your support.`,
  ].join("\n");
  return {
    to: gift.donorEmail,
    subject: `Your ${every(gift)} gift to ${gift.organisationName} could not be taken`,
    text,
    kind: "recurring_payment_failed",
    dedupeKey: `recurring-payment-failed:${invoice.id}`,
  };
}

export function actionRequiredEmail(gift: Gift, invoice: Invoice): EmailMessage {
  const amount = formatMoney(invoice.amount_due, invoice.currency.toUpperCase(), "en-GB");
  const text = [
    `Dear ${gift.donorName || "supporter"},`,
    "",
    `Your bank asks you to confirm this installment of your ${every(gift)} gift of ${amount} to ${gift.organisationName}.`,
    "",
    `Confirm it, or choose another payment method, here (the link works for 30 days):`,
    manageUrl(gift.id),
  ].join("\n");
  return {
    to: gift.donorEmail,
    subject: `Please confirm your ${every(gift)} gift to ${gift.organisationName}`,
    text,
    kind: "recurring_action_required",
    dedupeKey: `recurring-action-required:${invoice.id}`,
  };
}
