// A donor's annual statement as a PDF (A4): the organisation's legal details, the donor, each gift
// of the year and the totals per currency (docs/statements.md#what-a-statement-counts).
import "server-only";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { createTextPdf, MUTED } from "@/lib/pdf/text-pdf";
import { statementContent, type StatementData } from "./statement-content";

export async function renderStatementPdf(data: StatementData): Promise<Uint8Array> {
  const content = statementContent(data);
  // Dated by its year, not by the moment it is written: the same statement gives the same document.
  const pdf = await createTextPdf({
    title: content.title,
    author: content.issuer.name,
    date: new Date(Date.UTC(data.year, 11, 31)),
    language: data.locale ?? DEFAULT_LOCALE,
  });
  const { write, bold } = pdf;
  const { words } = content;

  write(content.issuer.name, { size: 14, font: bold });
  if (content.issuer.registrationNumber) write(words.registrationNumber(content.issuer.registrationNumber), { color: MUTED });
  for (const line of content.issuer.address) write(line, { color: MUTED });
  write(content.issuer.email, { color: MUTED, gap: 18 });

  write(content.title, { size: 18, font: bold, gap: 6 });
  write(words.donor, { font: bold });
  write(content.donor.name);
  write(content.donor.email, { color: MUTED, gap: 14 });

  if (content.gifts.length === 0) {
    write(words.noGifts, { gap: 14 });
  } else {
    write(words.giftsHeading, { font: bold, gap: 4 });
    pdf.table(content.gifts.map((gift) => ({ label: `${gift.date}   ${gift.receipt}   ${gift.kind}`, value: gift.amount })));
    pdf.skip(10);
    pdf.table(content.totals.map((total) => ({ label: words.totalLabel(total.currency), value: total.formatted })));
    pdf.skip(14);
  }
  if (content.taxStatement) write(content.taxStatement, { gap: 14 });
  write(words.receiptNote, { color: MUTED });
  write(content.footer, { size: 9, color: MUTED });
  return pdf.save();
}
