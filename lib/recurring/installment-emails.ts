// The emails a recurring gift sends its donor when an installment cannot be taken: once per invoice
// (by its dedupe key), however often Stripe retries the payment or delivers the event. In the
// language the gift was started in.
import "server-only";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";
import { manageUrl } from "./manage-link";

type Gift = { id: string; donorEmail: string; donorName: string | null; organisationName: string; interval: "month" | "year"; locale?: Locale };
type Invoice = { id: string; amount_due: number; currency: string };

function words(gift: Gift, invoice: Invoice) {
  const locale = gift.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, "email");
  const values = {
    interval: gift.interval,
    organisation: gift.organisationName,
    amount: formatMoney(invoice.amount_due, invoice.currency.toUpperCase(), intlLocale(locale)),
  };
  const greeting = gift.donorName ? t("dear", { name: gift.donorName }) : t("dearSupporter");
  return { t, values, greeting };
}

export function paymentFailedEmail(gift: Gift, invoice: Invoice): EmailMessage {
  const { t, values, greeting } = words(gift, invoice);
  const text = [greeting, "", t("installment.failed", values), "", t("installment.failedUpdate"), manageUrl(gift.id), "", t("installment.failedThanks")].join(
    "\n",
  );
  return {
    to: gift.donorEmail,
    subject: t("installment.failedSubject", values),
    text,
    kind: "recurring_payment_failed",
    dedupeKey: `recurring-payment-failed:${invoice.id}`,
  };
}

export function actionRequiredEmail(gift: Gift, invoice: Invoice): EmailMessage {
  const { t, values, greeting } = words(gift, invoice);
  const text = [greeting, "", t("installment.action", values), "", t("installment.actionHow"), manageUrl(gift.id)].join("\n");
  return {
    to: gift.donorEmail,
    subject: t("installment.actionSubject", values),
    text,
    kind: "recurring_action_required",
    dedupeKey: `recurring-action-required:${invoice.id}`,
  };
}
