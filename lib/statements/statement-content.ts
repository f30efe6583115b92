// What a donor's annual statement says, as data: the gifts of one calendar year (in the
// organisation's time zone) with what each came to after refunds, and a total per currency
// (docs/statements.md#what-a-statement-counts).
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
import { calendarDate, formatDate } from "@/lib/organisations/time-zone";
import { formatReceiptNumber, issuerOf, type Issuer } from "@/lib/receipts/receipt-content";

export type StatementGift = {
  succeededAt: Date;
  receiptNumber: number | null;
  /** What the donor paid, the fee they chose to cover included. */
  chargedAmount: bigint;
  /** Refunds succeeded or under way. */
  refundedAmount: bigint;
  currency: string;
  recurring: boolean;
};

export type StatementData = {
  year: number;
  organisation: {
    name: string;
    legalName: string | null;
    registrationNumber: string | null;
    address: string | null;
    email: string;
    timeZone: string;
    taxStatement: string;
  };
  donor: { name: string | null; email: string };
  gifts: StatementGift[];
  appUrl: string;
};

export type StatementLine = { date: string; receipt: string; kind: "One-off" | "Recurring"; amount: string };

export type StatementContent = {
  issuer: Issuer;
  title: string;
  donor: { name: string; email: string };
  gifts: StatementLine[];
  totals: Array<{ currency: string; amount: bigint; formatted: string }>;
  taxStatement: string | null;
  footer: string;
};

/** The first instant that could be in `year` anywhere, and the last: the database narrows by these, the calendar decides. */
export function yearWindow(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - 15 * 3_600_000), to: new Date(Date.UTC(year + 1, 0, 1) + 15 * 3_600_000) };
}

export function statementContent(data: StatementData): StatementContent {
  const { organisation: org } = data;
  const zone = org.timeZone;
  const gifts = data.gifts
    .filter((gift) => calendarDate(gift.succeededAt, zone).year === data.year)
    .map((gift) => ({ ...gift, net: gift.chargedAmount - gift.refundedAmount }))
    // Returned in full, a gift gave nothing: it is not listed.
    .filter((gift) => gift.net > 0n)
    .sort((a, b) => a.succeededAt.getTime() - b.succeededAt.getTime());
  const totals = new Map<string, bigint>();
  for (const gift of gifts) totals.set(gift.currency, (totals.get(gift.currency) ?? 0n) + gift.net);
  return {
    issuer: issuerOf(org),
    title: `Donation statement for ${data.year}`,
    donor: { name: data.donor.name?.trim() || "Supporter", email: data.donor.email },
    gifts: gifts.map((gift) => ({
      date: formatDate(gift.succeededAt, zone),
      receipt: gift.receiptNumber === null ? "-" : formatReceiptNumber(gift.receiptNumber),
      kind: gift.recurring ? "Recurring" : "One-off",
      amount: formatMoney(gift.net, gift.currency, "en-GB"),
    })),
    totals: [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ currency, amount, formatted: formatMoney(amount, currency, "en-GB") })),
    taxStatement: org.taxStatement.trim() || null,
    footer: `Sent by Amply for ${org.name} (${data.appUrl}). Questions about your gifts: ${org.email}.`,
  };
}

export function statementSubject(data: Pick<StatementData, "year" | "organisation">): string {
  return `Your ${data.year} donation statement from ${data.organisation.name}`;
}

export function statementText(data: StatementData): string {
  const content = statementContent(data);
  const out = [
    `Dear ${content.donor.name},`,
    "",
    `Thank you for supporting ${data.organisation.name} in ${data.year}. Your statement is attached as a PDF.`,
    "",
    ...(content.gifts.length === 0
      ? [`We have no gifts from you in ${data.year}.`]
      : content.totals.map((total) => `Total in ${total.currency}: ${total.formatted}`)),
    "",
    content.footer,
  ];
  return out.join("\n");
}

export function statementHtml(data: StatementData): string {
  return statementText(data)
    .split("\n")
    .map((line) => (line ? `<p>${escapeHtml(line)}</p>` : ""))
    .join("");
}
