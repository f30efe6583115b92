import "server-only";
import type Stripe from "stripe";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
import type { DonationContext } from "./find-donation";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * What the donor is told about a refund, or null when there is nothing to say yet (or no one to
 * tell): once when it succeeds, and once when Stripe needs the donor's bank account to send a bank
 * transfer back (docs/reports.md#bank-transfer-refunds). Each has its own dedupe key, so a refund
 * delivered many times is mailed once.
 */
export function refundEmail(donation: DonationContext, refund: Stripe.Refund): EmailMessage | null {
  if (!donation.donorEmail) return null;
  const amount = formatMoney(BigInt(refund.amount), refund.currency.toUpperCase(), "en-GB");
  const greeting = `Dear ${donation.donorName || "supporter"},`;
  const footer = [`Questions about this refund: ${donation.organisationEmail}.`, "", `Sent by Amply for ${donation.organisationName} (${getEnv().APP_URL})`];
  let lines: string[];
  let subject: string;
  let kind: EmailMessage["kind"];
  let dedupeKey: string;
  if (refund.status === "succeeded") {
    const toBalance = refund.destination_details?.type === "customer_cash_balance";
    lines = [
      greeting,
      "",
      `${donation.organisationName} has refunded ${amount} of your donation.`,
      toBalance
        ? `The money is held for you as a credit with ${donation.organisationName}'s payment provider, Stripe. Write to ${donation.organisationEmail} if you want it sent to your bank account.`
        : "It goes back the way you paid; your bank may take a few days to show it.",
      "",
    ];
    subject = `Refund from ${donation.organisationName}`;
    kind = "refund";
    dedupeKey = `refund:${refund.id}`;
  } else if (refund.status === "requires_action" && refund.next_action?.display_details) {
    const details = refund.next_action.display_details;
    lines = [
      greeting,
      "",
      `${donation.organisationName} is refunding ${amount} of your bank transfer.`,
      `To send it, Stripe needs the bank account to pay it into: look for Stripe's email to ${details.email_sent.email_sent_to} and follow its link by ${dateFormat.format(new Date(details.expires_at * 1000))}.`,
      "",
    ];
    subject = `Your refund from ${donation.organisationName} needs your bank details`;
    kind = "refund_bank_details";
    dedupeKey = `refund-details:${refund.id}`;
  } else return null;
  const text = [...lines, ...footer].join("\n");
  return {
    to: donation.donorEmail,
    subject,
    text,
    html: `<div style="font-family:system-ui,sans-serif;line-height:1.5">${text
      .split("\n")
      .map((line) => (line ? `<p style="margin:0 0 .4em">${escapeHtml(line)}</p>` : ""))
      .join("")}</div>`,
    kind,
    dedupeKey,
  };
}
