import { describe, expect, it } from "vitest";
import type { BankTransferInstructions } from "@/lib/donations/bank-transfer";
import { bankTransferEmail, formatIban } from "./bank-transfer-email";

const instructions: BankTransferInstructions = {
  reference: "AMPLY-7Q2K",
  amountRemaining: 5000,
  currency: "EUR",
  hostedUrl: null,
  accounts: [
    [
      { label: "Account holder", value: "River Trust" },
      { label: "IBAN", value: "DE89370400440532013000" },
      { label: "BIC", value: "COBADEFFXXX" },
    ],
  ],
};

describe("the bank-transfer instructions email", () => {
  it("is English by default, with the IBAN in groups of four", () => {
    const email = bankTransferEmail("River Trust", instructions);
    expect(email.subject).toBe("How to complete your donation to River Trust");
    expect(email.text).toContain("Thank you for choosing to give €50.00 to River Trust by bank transfer. Please transfer exactly €50.00 to:");
    expect(email.text).toContain("Account holder: River Trust\nIBAN: DE89 3704 0044 0532 0130 00\nBIC: COBADEFFXXX\nReference: AMPLY-7Q2K");
  });

  it("is in the donor's language, labels, amounts and all", () => {
    const german = bankTransferEmail("River Trust", instructions, "de");
    expect(german.subject).toBe("So schließen Sie Ihre Spende an River Trust ab");
    expect(german.text).toContain("Bitte überweisen Sie genau 50,00\u00a0€ an:");
    expect(german.text).toContain("Kontoinhaber: River Trust\nIBAN: DE89 3704 0044 0532 0130 00");
    expect(german.text).toContain("Verwendungszweck: AMPLY-7Q2K");
    const french = bankTransferEmail("River Trust", instructions, "fr");
    expect(french.text).toContain("Titulaire du compte : River Trust");
    expect(french.text).toContain("Référence : AMPLY-7Q2K");
    expect(bankTransferEmail("River Trust", instructions, "nl").text).toContain("Maak precies €\u00a050,00 over naar:");
  });

  it("groups an IBAN however it was given, and leaves anything else alone", () => {
    expect(formatIban("nl91 abna 0417 1643 00")).toBe("NL91 ABNA 0417 1643 00");
    expect(formatIban("GB33BUKB20201555555555")).toBe("GB33 BUKB 2020 1555 5555 55");
    expect(formatIban("12-34-56")).toBe("12-34-56");
  });
});
