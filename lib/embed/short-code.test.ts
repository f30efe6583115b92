import { describe, expect, it } from "vitest";
import { generateShortCode, SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from "./short-code";

describe("a short link's code", () => {
  it("has 8 characters from an alphabet without look-alikes (0/o, 1/l/i) and no vowels to spell words", () => {
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01ilo]/);
    for (let index = 0; index < 500; index += 1) {
      const code = generateShortCode();
      expect(code).toHaveLength(SHORT_CODE_LENGTH);
      expect([...code].every((character) => SHORT_CODE_ALPHABET.includes(character))).toBe(true);
    }
  });

  it("is drawn evenly and without repeats, so codes cannot be guessed from others", () => {
    const codes = Array.from({ length: 20_000 }, generateShortCode);
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const character of codes.join("")) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(SHORT_CODE_ALPHABET.length);
    const expected = (codes.length * SHORT_CODE_LENGTH) / SHORT_CODE_ALPHABET.length;
    // A modulo-biased draw (256 % 28) puts the first characters ~11% above the rest.
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.06);
  });
});
