// What a receipt says, as data: one list of labelled lines that the plain-text part, the HTML part
// and the PDF all print, so the three never disagree (docs/receipts.md#what-a-receipt-prints).
import { escapeHtml } from "@/lib/html";
import { formatMoney } from "@/lib/money/amount";
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
};

/** The receipt number as printed: R-000042. */
export function formatReceiptNumber(number: number): string {
  return `R-${String(number).padStart(6, "0")}`;
}

const METHOD_LABELS: Record<string, string> = {
  card: "Card",
  sepa_debit: "SEPA Direct Debit",
  bacs_debit: "Bacs Direct Debit",
  us_bank_account: "ACH Direct Debit",
  au_becs_debit: "BECS Direct Debit",
  acss_debit: "Pre-authorized debit",
  customer_balance: "Bank transfer",
  ideal: "iDEAL",
  bancontact: "Bancontact",
  eps: "EPS",
  p24: "Przelewy24",
  sofort: "Sofort",
  link: "Link",
  paypal: "PayPal",
};

/** How the donor paid, in words (the payment method Stripe reported). */
export function paymentMethodLabel(method: ReceiptData["method"], paymentMethodType: string | null): string {
  if (method === "bank_transfer") return "Bank transfer";
  if (!paymentMethodType) return "Card or other online payment";
  return METHOD_LABELS[paymentMethodType] ?? paymentMethodType.replaceAll("_", " ");
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
  const money = (amount: bigint) => formatMoney(amount, currency, "en-GB");
  const zone = org.timeZone;
  const number = formatReceiptNumber(data.number);
  const amountLines: ReceiptLine[] =
    data.feeCovered > 0n
      ? [
          { label: "Amount", value: money(data.chargedAmount) },
          { label: "Your gift", value: money(data.amount) },
          { label: "Added to cover processing fees", value: money(data.feeCovered) },
        ]
      : [{ label: "Amount", value: money(data.chargedAmount) }];
  return {
    issuer: issuerOf(org),
    title: data.kind === "correction" ? `Corrected donation receipt ${number}` : `Donation receipt ${number}`,
    note:
      data.kind === "correction" && data.replacesNumber !== null
        ? `This receipt replaces receipt ${formatReceiptNumber(data.replacesNumber)}, which is no longer valid.`
        : null,
    lines: [
      { label: "Receipt number", value: number },
      { label: "Date of gift", value: formatDate(data.paidAt, zone) },
      ...(data.kind === "correction" ? [{ label: "Date issued", value: formatDate(data.issuedAt, zone) }] : []),
      ...amountLines,
      { label: "Payment method", value: paymentMethodLabel(data.method, data.paymentMethodType) },
      ...(data.interval ? [{ label: "Recurring gift", value: data.interval === "year" ? "Yearly" : "Monthly" }] : []),
      ...(data.period ? [{ label: "Period", value: `${formatDate(data.period.start, zone)} to ${formatDate(data.period.end, zone)}` }] : []),
      ...(data.towards ? [{ label: "Towards", value: data.towards }] : []),
      ...(data.dedication ? [{ label: "Dedication", value: data.dedication }] : []),
    ],
    donor: { name: data.donor.name?.trim() || "Supporter", address: lines(data.donor.address) },
    taxStatement: org.taxStatement.trim() || null,
    footer: `Sent by Amply for ${org.name} (${data.appUrl}). Questions about your gift: ${org.email}.`,
  };
}

export function receiptSubject(data: Pick<ReceiptData, "number" | "kind" | "organisation">): string {
  const what = data.kind === "correction" ? "Your corrected receipt" : "Your receipt";
  return `${what} from ${data.organisation.name} (${formatReceiptNumber(data.number)})`;
}

/** The plain-text part. */
export function receiptText(data: ReceiptData): string {
  const content = receiptContent(data);
  const out = [
    `Dear ${content.donor.name},`,
    "",
    `Thank you for your donation to ${data.organisation.name}. Your receipt is below and attached as a PDF.`,
    "",
    content.title,
    ...(content.note ? [content.note] : []),
    "",
    ...content.lines.map((line) => `${line.label}: ${line.value}`),
    "",
    "Donor:",
    content.donor.name,
    ...content.donor.address,
    "",
    "Issued by:",
    content.issuer.name,
    ...(content.issuer.registrationNumber ? [`Registration number: ${content.issuer.registrationNumber}`] : []),
    ...content.issuer.address,
    content.issuer.email,
    "",
    ...(content.taxStatement ? [content.taxStatement, ""] : []),
    ...(data.manageUrl ? [`To change or stop your recurring gift: ${data.manageUrl}`, ""] : []),
    "Keep this receipt for your records.",
    content.footer,
  ];
  return out.join("\n");
}

/** The HTML part. Everything a person typed (names, addresses, statements) is escaped. */
export function receiptHtml(data: ReceiptData): string {
  const content = receiptContent(data);
  const e = escapeHtml;
  const paragraphs = (items: string[]) => items.map((item) => e(item)).join("<br>");
  const rows = content.lines
    .map(
      (line) =>
        `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;font-weight:normal;color:#475569">${e(line.label)}</th><td style="padding:2px 0">${e(line.value)}</td></tr>`,
    )
    .join("");
  return [
    `<div style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a;max-width:36rem">`,
    `<p>Dear ${e(content.donor.name)},</p>`,
    `<p>Thank you for your donation to ${e(data.organisation.name)}. Your receipt is below and attached as a PDF.</p>`,
    `<h1 style="font-size:1.25rem">${e(content.title)}</h1>`,
    content.note ? `<p><strong>${e(content.note)}</strong></p>` : "",
    `<table role="presentation" style="border-collapse:collapse">${rows}</table>`,
    `<h2 style="font-size:1rem">Donor</h2><p>${paragraphs([content.donor.name, ...content.donor.address])}</p>`,
    `<h2 style="font-size:1rem">Issued by</h2><p>${paragraphs([
      content.issuer.name,
      ...(content.issuer.registrationNumber ? [`Registration number: ${content.issuer.registrationNumber}`] : []),
      ...content.issuer.address,
      content.issuer.email,
    ])}</p>`,
    content.taxStatement ? `<p>${paragraphs(content.taxStatement.split(/\r?\n/))}</p>` : "",
    data.manageUrl ? `<p><a href="${e(data.manageUrl)}">Change or stop your recurring gift</a></p>` : "",
    `<p>Keep this receipt for your records.</p>`,
    `<p style="color:#475569;font-size:.875rem">${e(content.footer)}</p>`,
    `</div>`,
  ].join("");
}
