import "server-only";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
import type { DonationContext } from "./find-donation";

/** The organisation's own sequence (1, 2, 3... with no gaps), taken when the gift succeeds. */
export function receiptNumber(donation: { receiptNumber: number }): string {
  return `R-${String(donation.receiptNumber).padStart(6, "0")}`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * The receipt for a paid donation, or null when there is no one to send it to. `number` is the
 * receipt number as printed (the success path puts a placeholder there that SQL fills in). The success handler
 * queues it in the transaction that records the success, with a dedupe key: exactly one receipt per
 * donation however often Stripe delivers the event (Amply sends it, not Stripe: docs/stripe.md#one-receipt-from-amply).
 */
export function receiptEmail(donation: DonationContext, paidAt: Date, number: string): EmailMessage | null {
  if (!donation.donorEmail) return null;
  const amount = formatMoney(donation.chargedAmount, donation.currency, "en-GB");
  const gift = formatMoney(donation.amount, donation.currency, "en-GB");
  const date = dateFormat.format(paidAt);
  const towards = donation.campaignName ?? donation.fundName ?? null;
  const lines = [
    `Dear ${donation.donorName || "supporter"},`,
    "",
    `Thank you for your donation to ${donation.organisationName}.`,
    "",
    `Receipt number: ${number}`,
    `Date: ${date}`,
    `Amount: ${amount}${donation.feeCovered > 0n ? ` (your gift of ${gift} plus ${formatMoney(donation.feeCovered, donation.currency, "en-GB")} you added to cover processing fees)` : ""}`,
    ...(towards ? [`Towards: ${towards}`] : []),
    ...(donation.dedication ? [`Dedication: ${donation.dedication}`] : []),
    `Paid to: ${donation.organisationName}, ${donation.organisationEmail}`,
    "",
  ];
  if (donation.recurringInterval) {
    const interval = donation.recurringInterval === "year" ? "yearly" : "monthly";
    const period =
      donation.periodStart && donation.periodEnd
        ? `, for the period ${dateFormat.format(donation.periodStart)} to ${dateFormat.format(donation.periodEnd)}`
        : "";
    lines.push(`This is part of your ${interval} gift${period}. To change or stop it, reply to this email or write to ${donation.organisationEmail}.`, "");
  }
  lines.push(
    `Keep this receipt for your records. Questions about your gift: ${donation.organisationEmail}.`,
    "",
    `Sent by Amply for ${donation.organisationName} (${getEnv().APP_URL})`,
  );
  const text = lines.join("\n");
  return {
    to: donation.donorEmail,
    subject: `Your receipt from ${donation.organisationName} (${number})`,
    text,
    html: `<div style="font-family:system-ui,sans-serif;line-height:1.5">${text
      .split("\n")
      .map((line) => (line ? `<p style="margin:0 0 .4em">${escapeHtml(line)}</p>` : ""))
      .join("")}</div>`,
    kind: "receipt",
    dedupeKey: `receipt:${donation.id}`,
  };
}
