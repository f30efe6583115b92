// What a receipt says, as data: one list of labelled lines that the plain-text part, the HTML part
// and the PDF all print, so the three never disagree (docs/receipts.md#what-a-receipt-prints).
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
import { DEFAULT_LOCALE, intlLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { formatDate } from "@/lib/organisations/time-zone";

export type ReceiptData = {
  number: number;
  kind: "original" | "correction";
  /** The number of the receipt a correction replaces. */
  replacesNumber: number | null;
  paidAt: Date;
  issuedAt: Date;
  organisation: {
    name: string;
    legalName: string | null;
    registrationNumber: string | null;
    address: string | null;
    email: string;
    timeZone: string;
    taxStatement: string;
  };
  donor: { name: string | null; address: string | null };
  amount: bigint;
  feeCovered: bigint;
  chargedAmount: bigint;
  currency: string;
  method: "payment_element" | "bank_transfer";
  paymentMethodType: string | null;
  towards: string | null;
  dedication: string | null;
  /** For an instalment of a recurring gift: how often it is given, and the period it pays for. */
  interval?: "month" | "year" | null;
  period?: { start: Date; end: Date } | null;
  /** Where a recurring donor changes or stops the gift, when there is such a page. */
  manageUrl?: string | null;
  appUrl: string;
  /** The language the donor gave in (Donation.locale): every word, date and amount is in it. English if not given. */
  locale?: Locale;
};

/** The receipt number as printed: R-000042. */
export function formatReceiptNumber(number: number): string {
  return `R-${String(number).padStart(6, "0")}`;
}

/** Payment methods named by their brand read the same in every language. */
const METHOD_BRANDS: Record<string, string> = {
  ideal: "iDEAL",
  bancontact: "Bancontact",
  eps: "EPS",
  p24: "Przelewy24",
  sofort: "Sofort",
  link: "Link",
  paypal: "PayPal",
};

/** The others are words, in the donor's language. */
const METHOD_WORDS = {
  card: "card",
  sepa_debit: "sepaDebit",
  bacs_debit: "bacsDebit",
  us_bank_account: "achDebit",
  au_becs_debit: "becsDebit",
  acss_debit: "acssDebit",
  customer_balance: "bankTransfer",
} as const;

/** How the donor paid, in words (the payment method Stripe reported). */
export function paymentMethodLabel(method: ReceiptData["method"], paymentMethodType: string | null, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(locale, "receipt");
  if (method === "bank_transfer") return t("methods.bankTransfer");
  if (!paymentMethodType) return t("methods.online");
  const word = METHOD_WORDS[paymentMethodType as keyof typeof METHOD_WORDS];
  if (word) return t(`methods.${word}`);
  return METHOD_BRANDS[paymentMethodType] ?? paymentMethodType.replaceAll("_", " ");
}

export type ReceiptLine = { label: string; value: string };

/** Who issues a receipt or statement: the organisation as its papers name it. */
export type Issuer = { name: string; registrationNumber: string | null; address: string[]; email: string };

export type ReceiptContent = {
  issuer: Issuer;
  title: string;
  /** For a correction: which receipt it replaces. */
  note: string | null;
  lines: ReceiptLine[];
  donor: { name: string; address: string[] };
  taxStatement: string | null;
  footer: string;
  /** The receipt's own words in the donor's language, for the email parts and the PDF. */
  words: {
    greeting: string;
    thanks: string;
    donor: string;
    issuedBy: string;
    registrationNumber: (value: string) => string;
    line: (label: string, value: string) => string;
    heading: (label: string) => string;
    manageText: (url: string) => string;
    manageLink: string;
    keep: string;
  };
};

/** Text typed over several lines (an address), trimmed, without its empty lines. */
const lines = (text: string | null) =>
  (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The organisation's legal name (its display name until it has one), number, address and email. */
export function issuerOf(org: { name: string; legalName: string | null; registrationNumber: string | null; address: string | null; email: string }): Issuer {
  return { name: org.legalName?.trim() || org.name, registrationNumber: org.registrationNumber?.trim() || null, address: lines(org.address), email: org.email };
}

export function receiptContent(data: ReceiptData): ReceiptContent {
  const { organisation: org, currency } = data;
  const locale = data.locale ?? DEFAULT_LOCALE;
  const t = translator(locale, "receipt");
  const money = (amount: bigint) => formatMoney(amount, currency, intlLocale(locale));
  const date = (instant: Date) => formatDate(instant, org.timeZone, intlLocale(locale));
  const number = formatReceiptNumber(data.number);
  const amountLines: ReceiptLine[] =
    data.feeCovered > 0n
      ? [
          { label: t("labels.amount"), value: money(data.chargedAmount) },
          { label: t("labels.yourGift"), value: money(data.amount) },
          { label: t("labels.feeCovered"), value: money(data.feeCovered) },
        ]
      : [{ label: t("labels.amount"), value: money(data.chargedAmount) }];
  return {
    issuer: issuerOf(org),
    title: data.kind === "correction" ? t("correctionTitle", { number }) : t("title", { number }),
    note: data.kind === "correction" && data.replacesNumber !== null ? t("replaces", { number: formatReceiptNumber(data.replacesNumber) }) : null,
    lines: [
      { label: t("labels.number"), value: number },
      { label: t("labels.dateOfGift"), value: date(data.paidAt) },
      ...(data.kind === "correction" ? [{ label: t("labels.dateIssued"), value: date(data.issuedAt) }] : []),
      ...amountLines,
      { label: t("labels.method"), value: paymentMethodLabel(data.method, data.paymentMethodType, locale) },
      ...(data.interval ? [{ label: t("labels.recurring"), value: t("interval", { interval: data.interval }) }] : []),
      ...(data.period ? [{ label: t("labels.period"), value: t("periodRange", { start: date(data.period.start), end: date(data.period.end) }) }] : []),
      ...(data.towards ? [{ label: t("labels.towards"), value: data.towards }] : []),
      ...(data.dedication ? [{ label: t("labels.dedication"), value: data.dedication }] : []),
    ],
    donor: { name: data.donor.name?.trim() || t("supporter"), address: lines(data.donor.address) },
    taxStatement: org.taxStatement.trim() || null,
    footer: t("footer", { organisation: org.name, appUrl: data.appUrl, email: org.email }),
    words: {
      greeting: data.donor.name?.trim() ? t("dear", { name: data.donor.name.trim() }) : t("dearSupporter"),
      thanks: t("thanks", { organisation: org.name }),
      donor: t("donor"),
      issuedBy: t("issuedBy"),
      registrationNumber: (value: string) => t("registrationNumber", { number: value }),
      line: (label: string, value: string) => t("line", { label, value }),
      heading: (label: string) => t("heading", { label }),
      manageText: (url: string) => t("manageText", { url }),
      manageLink: t("manageLink"),
      keep: t("keep"),
    },
  };
}

export function receiptSubject(data: Pick<ReceiptData, "number" | "kind" | "organisation" | "locale">): string {
  const t = translator(data.locale ?? DEFAULT_LOCALE, "receipt");
  const values = { organisation: data.organisation.name, number: formatReceiptNumber(data.number) };
  return data.kind === "correction" ? t("correctionSubject", values) : t("subject", values);
}

/** The plain-text part. */
export function receiptText(data: ReceiptData): string {
  const content = receiptContent(data);
  const { words } = content;
  const out = [
    words.greeting,
    "",
    words.thanks,
    "",
    content.title,
    ...(content.note ? [content.note] : []),
    "",
    ...content.lines.map((line) => words.line(line.label, line.value)),
    "",
    words.heading(words.donor),
    content.donor.name,
    ...content.donor.address,
    "",
    words.heading(words.issuedBy),
    content.issuer.name,
    ...(content.issuer.registrationNumber ? [words.registrationNumber(content.issuer.registrationNumber)] : []),
    ...content.issuer.address,
    content.issuer.email,
    "",
    ...(content.taxStatement ? [content.taxStatement, ""] : []),
    ...(data.manageUrl ? [words.manageText(data.manageUrl), ""] : []),
    words.keep,
    content.footer,
  ];
  return out.join("\n");
}

/** The HTML part. Everything a person typed (names, addresses, statements) is escaped. */
export function receiptHtml(data: ReceiptData): string {
  const content = receiptContent(data);
  const { words } = content;
  const e = escapeHtml;
  const paragraphs = (items: string[]) => items.map((item) => e(item)).join("<br>");
  const rows = content.lines
    .map(
      (line) =>
        `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#475569">${e(line.label)}</th><td style="padding:2px 0">${e(line.value)}</td></tr>`,
    )
    .join("");
  return [
    `<div lang="${data.locale ?? DEFAULT_LOCALE}" style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a;max-width:36rem">`,
    `<p>${e(words.greeting)}</p>`,
    `<p>${e(words.thanks)}</p>`,
    `<h1 style="font-size:1.25rem">${e(content.title)}</h1>`,
    content.note ? `<p><strong>${e(content.note)}</strong></p>` : "",
    `<table role="presentation" style="border-collapse:collapse">${rows}</table>`,
    `<h2 style="font-size:1rem">${e(words.donor)}</h2><p>${paragraphs([content.donor.name, ...content.donor.address])}</p>`,
    `<h2 style="font-size:1rem">${e(words.issuedBy)}</h2><p>${paragraphs([
      content.issuer.name,
      ...(content.issuer.registrationNumber ? [words.registrationNumber(content.issuer.registrationNumber)] : []),
      ...content.issuer.address,
      content.issuer.email,
    ])}</p>`,
    content.taxStatement ? `<p>${paragraphs(content.taxStatement.split(/\r?\n/))}</p>` : "",
    data.manageUrl ? `<p><a href="${e(data.manageUrl)}">${e(words.manageLink)}</a></p>` : "",
    `<p>${e(words.keep)}</p>`,
    `<p style="color:#475569;font-size:.875rem">${e(content.footer)}</p>`,
    `</div>`,
  ].join("");
}
