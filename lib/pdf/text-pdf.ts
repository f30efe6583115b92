// A plain A4 document of wrapped lines, for the PDFs Amply writes (receipts, donor statements).
// pdf-lib draws it and embeds a subset of DejaVu Sans (from the dejavu-fonts-ttf package): the
// standard PDF fonts cover only Latin-1 and cannot print a name like "Łukasiewicz"
// (docs/receipts.md#the-pdf-and-its-font).
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

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
export const INK = rgb(0.06, 0.09, 0.16);
export const MUTED = rgb(0.28, 0.33, 0.41);

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

export type WriteOptions = { size?: number; font?: PDFFont; color?: typeof INK; indent?: number; gap?: number };

export type TextPdf = {
  regular: PDFFont;
  bold: PDFFont;
  /** Write `text` wrapped to the page, starting a new page when the current one is full. */
  write: (text: string, options?: WriteOptions) => void;
  /** Labelled lines in two columns: the labels muted, the values lined up after the widest label. */
  table: (lines: Array<{ label: string; value: string }>) => void;
  /** Move down by `points`. */
  skip: (points: number) => void;
  save: () => Promise<Uint8Array>;
};

/**
 * A new document. `date` becomes its creation and modification dates: a document's own date (the
 * receipt's issue, the statement's year), so writing it again gives the same bytes.
 */
export async function createTextPdf(meta: { title: string; author: string; date: Date; language?: string }): Promise<TextPdf> {
  const files = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setCreator("Amply");
  doc.setProducer("Amply");
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // Screen readers pick their voice by it.
  if (meta.language) doc.setLanguage(meta.language);

  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const width = PAGE[0] - 2 * MARGIN;
  const write = (text: string, options: WriteOptions = {}) => {
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
  const table = (lines: Array<{ label: string; value: string }>) => {
    if (lines.length === 0) return;
    const labelWidth = Math.max(...lines.map((line) => regular.widthOfTextAtSize(line.label, 10.5))) + 16;
    for (const line of lines) {
      const before = y;
      write(line.label, { color: MUTED });
      const after = y;
      y = before;
      write(line.value, { indent: labelWidth });
      y = Math.min(y, after);
    }
  };
  return {
    regular,
    bold,
    write,
    table,
    skip: (points) => {
      y -= points;
    },
    save: () => doc.save(),
  };
}
