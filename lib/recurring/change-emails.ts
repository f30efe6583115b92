// The donor's confirmations of changes to a recurring gift, with a fresh manage link (from APP_URL).
import "server-only";
import type { EmailMessage } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
import { manageUrl } from "./manage-link";

export type GiftForEmail = {
  id: string;
  currency: string;
  donor: { email: string; name: string | null };
  organisation: { name: string; email: string };
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export const formatDate = (date: Date) => dateFormat.format(date);

export const intervalWord = (interval: string) => (interval === "year" ? "yearly" : "monthly");

/** The money a gift takes each time, as the donor reads it. */
export function giftFigure(gift: { currency: string }, amount: bigint | number, feeCovered: bigint | number, interval: string) {
  const per = interval === "year" ? "a year" : "a month";
  const fee = BigInt(feeCovered);
  const base = `${formatMoney(BigInt(amount), gift.currency)} ${per}`;
  return fee > 0n ? `${base} (plus ${formatMoney(fee, gift.currency)} to cover the processing fee)` : base;
}

/** Who made a change: the donor, the organisation at the donor's request, or the organisation on its own (leaving Amply). */
export type ChangeMadeBy = "donor" | "organisation_for_donor" | "organisation";

export function changeEmail(gift: GiftForEmail, subject: string, body: string[], by: ChangeMadeBy = "donor"): EmailMessage {
  const lines = [
    `Dear ${gift.donor.name || "supporter"},`,
    "",
    ...body,
    "",
    by === "organisation_for_donor"
      ? `${gift.organisation.name} made this change at your request. If you did not ask for it, write to ${gift.organisation.email}.`
      : by === "organisation"
        ? `Questions: ${gift.organisation.email}.`
        : `If you did not make this change, write to ${gift.organisation.email}.`,
    "",
    ...(by === "organisation" ? [] : [`To see or change your gift (this link works for 30 days): ${manageUrl(gift.id)}`, ""]),
    `Sent by Amply for ${gift.organisation.name} (${getEnv().APP_URL})`,
  ];
  const text = lines.join("\n");
  return {
    to: gift.donor.email,
    subject: `${subject} (${gift.organisation.name})`,
    text,
    html: `<div style="font-family:system-ui,sans-serif;line-height:1.5">${lines.map((line) => (line ? `<p style="margin:0 0 .4em">${escapeHtml(line)}</p>` : "")).join("")}</div>`,
    kind: "recurring_change",
  };
}
