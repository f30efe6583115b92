// Codes for short links (/g/<code>): typed from posters as often as scanned, so the alphabet has
// no characters that look alike (0/o, 1/l/i) and no vowels (no words). 8 characters of 28 give
// about 4 * 10^11 codes: far too many to find a link by trying them.
import { randomBytes } from "node:crypto";

export const SHORT_CODE_ALPHABET = "23456789bcdfghjkmnpqrstvwxyz";
export const SHORT_CODE_LENGTH = 8;

export function generateShortCode(): string {
  let code = "";
  // Bytes at or above the largest multiple of the alphabet's size are dropped: no modulo bias.
  const limit = 256 - (256 % SHORT_CODE_ALPHABET.length);
  while (code.length < SHORT_CODE_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < limit && code.length < SHORT_CODE_LENGTH) code += SHORT_CODE_ALPHABET[byte % SHORT_CODE_ALPHABET.length];
    }
  }
  return code;
}
