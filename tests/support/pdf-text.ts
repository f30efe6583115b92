// The text a PDF holds, as a PDF reader extracts it (pdf.js, the engine of Firefox's viewer): what
// a donor copying from their receipt, or a tax office's software, would get. One line per line.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let index = 1; index <= pdf.numPages; index++) {
    const page = await pdf.getPage(index);
    const content = await page.getTextContent();
    const lines = new Map<number, string[]>();
    for (const item of content.items) {
      if (!("str" in item)) continue;
      const y = Math.round(Number(item.transform[5]));
      lines.set(y, [...(lines.get(y) ?? []), item.str]);
    }
    pages.push(
      [...lines.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, parts]) => parts.join(" ").trim())
        .join("\n"),
    );
  }
  await pdf.destroy();
  return pages.join("\n");
}
