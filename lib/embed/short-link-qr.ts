// A short link as a QR code, for posters: SVG (scales for print) or a 1024 px PNG. The `qrcode`
// package draws both in plain JavaScript (its PNG encoder is pngjs), with nothing native.
import "server-only";
import QRCode from "qrcode";

/** Medium error correction: a poster may get a crease or a stain. */
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

export function shortLinkQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: "svg" });
}

export function shortLinkQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: "png", width: 1024 });
}
