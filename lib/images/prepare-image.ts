// An uploaded image made safe to serve: the type is read from the bytes (never the file name or the
// browser's claim), then the pixels are decoded and re-encoded by sharp, so what Amply stores and
// serves is an image sharp wrote (no script, no SVG, no metadata, no polyglot file), at most 512x512.
import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { MAX_IMAGE_BYTES, TOO_LARGE_MESSAGE } from "./limits";

/** Larger pictures are refused before decoding: a few kilobytes of PNG can claim gigapixels. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 512;
/** Campaign and story pictures fill the page's width, so they keep more pixels than a logo. */
export const CAMPAIGN_IMAGE_SIDE = 1200;

export type PreparedImage = {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: "image/png" | "image/webp";
  width: number;
  height: number;
  byteSize: number;
  sha256: string;
};

/** Why an upload was refused, in words for the person who uploaded it. */
export class ImageRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageRejectedError";
  }
}

const UNSUPPORTED = "Upload a PNG, JPEG or WebP image.";

type SniffedType = "png" | "jpeg" | "webp" | "gif";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0) {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format the bytes are, by their magic numbers; null for anything else (SVG, HTML, PDF...). */
function sniff(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  return null;
}

/** Check, decode, resize to fit `maxSide` (512) square and re-encode an upload; throws ImageRejectedError. */
export async function prepareImage(input: Uint8Array, { maxSide = MAX_IMAGE_SIDE }: { maxSide?: number } = {}): Promise<PreparedImage> {
  if (input.byteLength === 0) throw new ImageRejectedError(`That file is empty. ${UNSUPPORTED}`);
  if (input.byteLength > MAX_IMAGE_BYTES) throw new ImageRejectedError(TOO_LARGE_MESSAGE);
  const type = sniff(input);
  if (!type) throw new ImageRejectedError(`That file is not an image Amply can use. ${UNSUPPORTED}`);

  // Lossless sources (drawn logos) stay lossless; photographs become WebP.
  const output = type === "png" || type === "gif" ? "png" : "webp";
  try {
    const image = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" });
    const { format } = await image.metadata();
    // sharp calls JPEG "jpeg" and GIF "gif": anything else means the magic number lied.
    if (format !== type) throw new ImageRejectedError(`That file is not an image Amply can use. ${UNSUPPORTED}`);
    const pipeline = image.autoOrient().resize(maxSide, maxSide, { fit: "inside", withoutEnlargement: true });
    // sharp writes no metadata (EXIF, XMP, ICC comments) unless asked to keep it.
    const { data, info } = await (output === "png" ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 85 })).toBuffer({
      resolveWithObject: true,
    });
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    return {
      bytes,
      contentType: `image/${output}`,
      width: info.width,
      height: info.height,
      byteSize: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  } catch (error) {
    if (error instanceof ImageRejectedError) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new ImageRejectedError(
        `That image has too many pixels (at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels). Upload a smaller PNG, JPEG or WebP image.`,
      );
    }
    // A truncated or corrupt file: sharp could not decode it.
    throw new ImageRejectedError(`That image could not be read. ${UNSUPPORTED}`);
  }
}
