// The receipt as a PDF (A4), with the same content as the email (receipt-content.ts), drawn with
// the shared text document (lib/pdf/text-pdf.ts, docs/receipts.md#the-pdf-and-its-font).
import "server-only";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { createTextPdf, MUTED } from "@/lib/pdf/text-pdf";
import { receiptContent, type ReceiptData } from "./receipt-content";

export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const content = receiptContent(data);
  // The receipt's own dates, so sending it again gives the same document.
  const pdf = await createTextPdf({ title: content.title, author: content.issuer.name, date: data.issuedAt, language: data.locale ?? DEFAULT_LOCALE });
  const { write, bold } = pdf;
  const { words } = content;

  write(content.issuer.name, { size: 14, font: bold });
  if (content.issuer.registrationNumber) write(words.registrationNumber(content.issuer.registrationNumber), { color: MUTED });
  for (const line of content.issuer.address) write(line, { color: MUTED });
  write(content.issuer.email, { color: MUTED, gap: 18 });

  write(content.title, { size: 18, font: bold, gap: 6 });
  if (content.note) write(content.note, { font: bold, gap: 6 });
  pdf.skip(6);
  pdf.table(content.lines);
  pdf.skip(14);
  write(words.donor, { font: bold });
  write(content.donor.name);
  for (const line of content.donor.address) write(line);
  pdf.skip(14);
  if (content.taxStatement) write(content.taxStatement, { gap: 14 });
  write(words.keep, { color: MUTED });
  write(content.footer, { size: 9, color: MUTED });
  return pdf.save();
}
