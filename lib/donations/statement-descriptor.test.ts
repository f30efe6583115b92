import { describe, expect, it } from "vitest";
import { statementDescriptorSuffix } from "./statement-descriptor";

describe("statement descriptor suffix", () => {
  it("folds accents, drops forbidden characters and keeps words whole within 22 characters with the prefix", () => {
    expect(statementDescriptorSuffix("Crèche des Étoiles")).toBe("CRECHE DES");
    expect(statementDescriptorSuffix(`Save "the" <River> *Now*`)).toBe("SAVE THE");
    expect(statementDescriptorSuffix("Ärzte ohne Grenzen e.V.")).toBe("ARZTE OHNE");
    expect(statementDescriptorSuffix("日本赤十字社")).toBeUndefined();
    for (const name of ["A very long organisation name indeed", "Supercalifragilisticexpialidocious", "O'Brien's Trust"]) {
      const suffix = statementDescriptorSuffix(name) ?? "";
      expect(`AMPLYDEMO* ${suffix}`.length).toBeLessThanOrEqual(22);
      expect(suffix).not.toMatch(/[<>\\'"*]/);
    }
  });
});
