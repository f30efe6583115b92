import "server-only";
import type Stripe from "stripe";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { intlLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatMoney } from "@/lib/money/amount";
import { formatDate } from "@/lib/organisations/time-zone";
import type { DonationContext } from "./find-donation";

/**
 * What the donor is told about a refund, or null when there is nothing to say yet (or no one to
 * tell): once when it succeeds, and once when Stripe needs the donor's bank account to send a bank
 * transfer back (docs/reports.md#bank-transfer-refunds). Each has its own dedupe key, so a refund
 * delivered many times is mailed once. In the language the donor gave in.
 */
export function refundEmail(donation: DonationContext, refund: Stripe.Refund): EmailMessage | null {
  if (!donation.donorEmail) return null;
  const locale = donation.locale;
  const t = translator(locale, "email");
  const organisation = donation.organisationName;
  const amount = formatMoney(BigInt(refund.amount), refund.currency.toUpperCase(), intlLocale(locale));
  const greeting = donation.donorName ? t("dear", { name: donation.donorName }) : t("dearSupporter");
  const footer = [t("refund.questions", { email: donation.organisationEmail }), "", t("sentBy", { organisation, appUrl: getEnv().APP_URL })];
  let lines: string[];
  let subject: string;
  let kind: EmailMessage["kind"];
  let dedupeKey: string;
  if (refund.status === "succeeded") {
    const toBalance = refund.destination_details?.type === "customer_cash_balance";
    lines = [
      greeting,
      "",
      t("refund.refunded", { organisation, amount }),
      toBalance ? t("refund.toBalance", { organisation, email: donation.organisationEmail }) : t("refund.backTheWayYouPaid"),
      "",
    ];
    subject = t("refund.subject", { organisation });
    kind = "refund";
    dedupeKey = `refund:${refund.id}`;
  } else if (refund.status === "requires_action" && refund.next_action?.display_details) {
    const details = refund.next_action.display_details;
    const date = formatDate(new Date(details.expires_at * 1000), donation.organisationTimeZone, intlLocale(locale));
    lines = [
      greeting,
      "",
      t("refund.bankDetails", { organisation, amount }),
      t("refund.bankDetailsHow", { email: details.email_sent.email_sent_to, date }),
      "",
    ];
    subject = t("refund.bankDetailsSubject", { organisation });
    kind = "refund_bank_details";
    dedupeKey = `refund-details:${refund.id}`;
  } else return null;
  const text = [...lines, ...footer].join("\n");
  return {
    to: donation.donorEmail,
    subject,
    text,
    html: `<div lang="${locale}" style="font-family:system-ui,sans-serif;line-height:1.5">${text
      .split("\n")
      .map((line) => (line ? `<p style="margin:0 0 .4em">${escapeHtml(line)}</p>` : ""))
      .join("")}</div>`,
    kind,
    dedupeKey,
  };
}
