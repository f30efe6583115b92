// What a donor's annual statement says, as data: the gifts of one calendar year (in the
// organisation's time zone) with what each came to after refunds, and a total per currency
// (docs/statements.md#what-a-statement-counts).
import { escapeHtml } from "@/lib/html";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
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
  /** The language of the donor's latest gift of the year (read-statement-data.ts). English if not given. */
  locale?: Locale;
};

export type StatementLine = { date: string; receipt: string; kind: string; amount: string };

export type StatementContent = {
  issuer: Issuer;
  title: string;
  donor: { name: string; email: string };
  gifts: StatementLine[];
  totals: Array<{ currency: string; amount: bigint; formatted: string }>;
  taxStatement: string | null;
  footer: string;
  /** The statement's own words in the donor's language, for the PDF. */
  words: {
    donor: string;
    registrationNumber: (value: string) => string;
    noGifts: string;
    giftsHeading: string;
    totalLabel: (currency: string) => string;
    receiptNote: string;
  };
};

/** The first instant that could be in `year` anywhere, and the last: the database narrows by these, the calendar decides. */
export function yearWindow(year: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, 0, 1) - 15 * 3_600_000), to: new Date(Date.UTC(year + 1, 0, 1) + 15 * 3_600_000) };
}

export function statementContent(data: StatementData): StatementContent {
  const { organisation: org } = data;
  const zone = org.timeZone;
  const locale = data.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, "statement");
  // A string: ICU would print the year as a number, "2,026".
  const year = String(data.year);
  const money = (amount: bigint, currency: string) => formatMoney(amount, currency, intlLocale(locale));
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
    title: t("title", { year }),
    donor: { name: data.donor.name?.trim() || t("supporter"), email: data.donor.email },
    gifts: gifts.map((gift) => ({
      date: formatDate(gift.succeededAt, zone, intlLocale(locale)),
      receipt: gift.receiptNumber === null ? "-" : formatReceiptNumber(gift.receiptNumber),
      kind: gift.recurring ? t("recurring") : t("oneOff"),
      amount: money(gift.net, gift.currency),
    })),
    totals: [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, amount]) => ({ currency, amount, formatted: money(amount, currency) })),
    taxStatement: org.taxStatement.trim() || null,
    footer: t("footer", { organisation: org.name, appUrl: data.appUrl, email: org.email }),
    words: {
      donor: t("donor"),
      registrationNumber: (value) => t("registrationNumber", { number: value }),
      noGifts: t("noGifts", { year }),
      giftsHeading: t("giftsHeading"),
      totalLabel: (currency) => t("totalLabel", { currency }),
      receiptNote: t("receiptNote"),
    },
  };
}

export function statementSubject(data: Pick<StatementData, "year" | "organisation" | "locale">): string {
  return translator(data.locale ?? DEFAULT_LOCALE, "statement")("subject", { year: String(data.year), organisation: data.organisation.name });
}

export function statementText(data: StatementData): string {
  const content = statementContent(data);
  const t = translator(data.locale ?? DEFAULT_LOCALE, "statement");
  const year = String(data.year);
  const out = [
    data.donor.name?.trim() ? t("dear", { name: data.donor.name.trim() }) : t("dearSupporter"),
    "",
    t("thanks", { organisation: data.organisation.name, year }),
    "",
    ...(content.gifts.length === 0
      ? [t("noGiftsText", { year })]
      : content.totals.map((total) => t("totalText", { currency: total.currency, amount: total.formatted }))),
    "",
    content.footer,
  ];
  return out.join("\n");
}

export function statementHtml(data: StatementData): string {
  const paragraphs = statementText(data)
    .split("\n")
    .map((line) => (line ? `<p>${escapeHtml(line)}</p>` : ""))
    .join("");
  return `<div lang="${data.locale ?? DEFAULT_LOCALE}">${paragraphs}</div>`;
}
