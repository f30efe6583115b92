// A donor's statement email, written when the outbox sends it: the text and HTML parts and the PDF,
// from the donor's gifts of that year as they are then (a refund made since is counted).
import "server-only";
import { db } from "@/lib/db/client";
import type { ComposedEmail } from "@/lib/receipts/receipt-email";
import { readStatementData } from "./read-statement-data";
import { renderStatementPdf } from "./render-statement-pdf";
import { statementHtml, statementSubject, statementText } from "./statement-content";

export async function composeStatementEmail(donorId: string, year: number): Promise<ComposedEmail> {
  const donor = await db.donor.findUnique({ where: { id: donorId }, select: { organisationId: true } });
  const data = donor ? await readStatementData(donor.organisationId, donorId, year) : null;
  if (!data) throw new Error(`donor ${donorId} does not exist`);
  const pdf = await renderStatementPdf(data);
  return {
    subject: statementSubject(data),
    text: statementText(data),
    html: statementHtml(data),
    attachments: [{ filename: `statement-${year}.pdf`, contentType: "application/pdf", content: Buffer.from(pdf) }],
  };
}
