import { describe, expect, it } from "vitest";
import { DEFAULT_FEE_RATES } from "@/lib/money/fees";
import { amountInputText, donationFigures } from "@/components/donations/donation-figures";

describe("the donation page's figures in the donor's language", () => {
  it("reads a German decimal comma and thousands point in German, and the same text the English way in English", () => {
    expect(donationFigures("25,50", "EUR", false, DEFAULT_FEE_RATES, "card", "de-DE")).toMatchObject({ ok: true, amount: 2550 });
    expect(donationFigures("1.000", "EUR", false, DEFAULT_FEE_RATES, "card", "de-DE")).toMatchObject({ ok: true, amount: 100000 });
    expect(donationFigures("1,000", "EUR", false, DEFAULT_FEE_RATES, "card", "en-GB")).toMatchObject({ ok: true, amount: 100000 });
  });

  it("says why an amount cannot be given with a code the page words in the donor's language", () => {
    expect(donationFigures("0,10", "EUR", false, DEFAULT_FEE_RATES, "card", "fr-FR")).toMatchObject({ ok: false, code: "amount_too_small" });
    expect(donationFigures("abc", "EUR", false, DEFAULT_FEE_RATES, "card", "fr-FR")).toMatchObject({ ok: false, code: "invalid_amount" });
  });

  it("writes an amount for the input with the language's decimal separator", () => {
    expect(amountInputText(2500, "EUR", "de-DE")).toBe("25,00");
    expect(amountInputText(2500, "EUR", "nl-NL")).toBe("25,00");
    expect(amountInputText(2500, "EUR", "en-GB")).toBe("25.00");
    expect(amountInputText(1000, "JPY", "de-DE")).toBe("1000");
  });
});
