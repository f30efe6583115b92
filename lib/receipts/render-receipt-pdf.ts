// The receipt as a PDF (A4), with the same content as the email (receipt-content.ts).
// pdf-lib draws it and embeds a subset of DejaVu Sans (from the dejavu-fonts-ttf package): the
// standard PDF fonts cover only Latin-1 and cannot print a name like "Łukasiewicz"
// (docs/receipts.md#the-pdf-and-its-font).
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { receiptContent, type ReceiptData } from "./receipt-content";

type Fonts = { regular: Uint8Array; bold: Uint8Array };
let fontFiles: Promise<Fonts> | undefined;

/** Read from the installed package at run time (never fetched): once per process. */
function loadFonts(): Promise<Fonts> {
  const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  fontFiles ??= Promise.all([readFile(path.join(dir, "DejaVuSans.ttf")), readFile(path.join(dir, "DejaVuSans-Bold.ttf"))]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return fontFiles;
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.06, 0.09, 0.16);
const MUTED = rgb(0.28, 0.33, 0.41);

/** Break `text` into lines no wider than `width` (on spaces; a word longer than a line is cut). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const content = receiptContent(data);
  const files = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  doc.setTitle(content.title);
  doc.setAuthor(content.issuer.name);
  doc.setCreator("Amply");
  doc.setProducer("Amply");
  // The receipt's own dates, so sending it again gives the same document.
  doc.setCreationDate(data.issuedAt);
  doc.setModificationDate(data.issuedAt);

  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const width = PAGE[0] - 2 * MARGIN;
  const write = (text: string, options: { size?: number; font?: PDFFont; color?: typeof INK; indent?: number; gap?: number } = {}) => {
    const size = options.size ?? 10.5;
    const font = options.font ?? regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(text, font, size, width - indent)) {
      if (y - size < MARGIN) {
        page = doc.addPage(PAGE);
        y = PAGE[1] - MARGIN;
      }
      y -= size * 1.35;
      if (line) page.drawText(line, { x: MARGIN + indent, y, size, font, color: options.color ?? INK });
    }
    y -= options.gap ?? 0;
  };

  write(content.issuer.name, { size: 14, font: bold });
  if (content.issuer.registrationNumber) write(`Registration number: ${content.issuer.registrationNumber}`, { color: MUTED });
  for (const line of content.issuer.address) write(line, { color: MUTED });
  write(content.issuer.email, { color: MUTED, gap: 18 });

  write(content.title, { size: 18, font: bold, gap: 6 });
  if (content.note) write(content.note, { font: bold, gap: 6 });
  y -= 6;
  const labelWidth = Math.max(...content.lines.map((line) => regular.widthOfTextAtSize(line.label, 10.5))) + 16;
  for (const line of content.lines) {
    const before = y;
    write(line.label, { color: MUTED });
    const after = y;
    y = before;
    write(line.value, { indent: labelWidth });
    y = Math.min(y, after);
  }
  y -= 14;
  write("Donor", { font: bold });
  write(content.donor.name);
  for (const line of content.donor.address) write(line);
  y -= 14;
  if (content.taxStatement) write(content.taxStatement, { gap: 14 });
  write("Keep this receipt for your records.", { color: MUTED });
  write(content.footer, { size: 9, color: MUTED });
  return doc.save();
}
