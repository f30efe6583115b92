import "server-only";
import type { Tx } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
import type { DonationWithRelations } from "./find-donation";

export function receiptNumber(donation: { number: number }): string {
  return `R-${String(donation.number).padStart(6, "0")}`;
}

/**
 * Queue the donation's receipt in the same transaction that records its success; the dedupe key
 * makes it exactly one receipt per donation however often Stripe delivers the event (ERRATA 11a:
 * Amply sends it, not Stripe). The worker sends it; a failing SMTP server delays it, never loses it.
 */
export async function queueReceipt(tx: Tx, donation: DonationWithRelations, paidAt: Date) {
  if (!donation.donor?.email) return;
  const { organisation } = donation;
  const amount = formatMoney(donation.chargedAmount, donation.currency, "en-GB");
  const gift = formatMoney(donation.amount, donation.currency, "en-GB");
  const date = paidAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const towards = donation.campaign?.name ?? donation.fund?.name ?? null;
  const number = receiptNumber(donation);
  const lines = [
    `Dear ${donation.donor.name || "supporter"},`,
    "",
    `Thank you for your donation to ${organisation.name}.`,
    "",
    `Receipt number: ${number}`,
    `Date: ${date}`,
    `Amount: ${amount}${donation.feeCovered > 0n ? ` (your gift of ${gift} plus ${formatMoney(donation.feeCovered, donation.currency, "en-GB")} you added to cover processing fees)` : ""}`,
    ...(towards ? [`Towards: ${towards}`] : []),
    ...(donation.dedication ? [`Dedication: ${donation.dedication}`] : []),
    `Paid to: ${organisation.name}, ${organisation.email}`,
    "",
  ];
  if (donation.recurringDonation) {
    const interval = donation.recurringDonation.interval === "year" ? "yearly" : "monthly";
    lines.push(`This is part of your ${interval} gift. To change or stop it, reply to this email or write to ${organisation.email}.`, "");
  }
  lines.push(`Keep this receipt for your records. Questions about your gift: ${organisation.email}.`, "", `Sent by Amply for ${organisation.name} (${getEnv().APP_URL})`);
  const text = lines.join("\n");
  await enqueueEmail(tx, {
    to: donation.donor.email,
    subject: `Your receipt from ${organisation.name} (${number})`,
    text,
    html: `<div style="font-family:system-ui,sans-serif;line-height:1.5">${text
      .split("\n")
      .map((line) => (line ? `<p style="margin:0 0 .4em">${escapeHtml(line)}</p>` : ""))
      .join("")}</div>`,
    kind: "receipt",
    dedupeKey: `receipt:${donation.id}`,
  });
}
