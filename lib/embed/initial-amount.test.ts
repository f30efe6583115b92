import { describe, expect, it } from "vitest";
import { initialAmountText } from "./initial-amount";

describe("an amount chosen by the page's address", () => {
  it("is shown as the currency writes it", () => {
    expect(initialAmountText("40", "EUR")).toBe("40.00");
    expect(initialAmountText("12.5", "EUR")).toBe("12.50");
    expect(initialAmountText("2500", "JPY")).toBe("2500");
  });

  it("is ignored when it is not an amount of that currency", () => {
    for (const text of [undefined, "", "abc", "-5", "1.234", "1e9", "<script>"]) expect(initialAmountText(text, "EUR"), String(text)).toBeUndefined();
    expect(initialAmountText("12.50", "JPY")).toBeUndefined();
  });
});
