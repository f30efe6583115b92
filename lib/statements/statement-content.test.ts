import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/support/pdf-text";
import { statementContent, statementSubject, statementText, type StatementData, type StatementGift } from "./statement-content";
import { renderStatementPdf } from "./render-statement-pdf";

const gift = (overrides: Partial<StatementGift> = {}): StatementGift => ({
  succeededAt: new Date("2026-06-01T10:00:00Z"),
  receiptNumber: 7,
  chargedAmount: 2563n,
  refundedAmount: 0n,
  currency: "EUR",
  recurring: false,
  ...overrides,
});

function data(gifts: StatementGift[], overrides: Partial<StatementData> = {}): StatementData {
  return {
    year: 2026,
    organisation: {
      name: "River Trust",
      legalName: "River Trust e.V.",
      registrationNumber: "VR 12345 B",
      address: "Uferstraße 1\n10115 Berlin",
      email: "donations@river.example",
      timeZone: "Europe/Berlin",
      taxStatement: "Wir sind als gemeinnützig anerkannt.",
    },
    donor: { name: "Zoë Łukasiewicz", email: "zoe@example.org" },
    gifts,
    appUrl: "https://amply.example",
    ...overrides,
  };
}

describe("a donor's annual statement", () => {
  it("takes the year by the organisation's calendar: 23:30 UTC on 31 December is next year in Berlin", () => {
    const content = statementContent(
      data([
        gift({ succeededAt: new Date("2025-12-31T23:30:00Z"), receiptNumber: 1 }), // 1 January 2026 in Berlin
        gift({ succeededAt: new Date("2026-12-31T23:30:00Z"), receiptNumber: 2 }), // 2027 in Berlin
        gift({ succeededAt: new Date("2026-12-31T22:59:59Z"), receiptNumber: 3 }), // 23:59:59 on 31 December in Berlin
      ]),
    );
    expect(content.gifts.map((line) => line.receipt)).toEqual(["R-000001", "R-000003"]);
    expect(content.gifts[0]?.date).toBe("1 January 2026");
  });

  it("counts what the donor paid (fee they covered included) less refunds, totals per currency, and leaves out gifts refunded in full", () => {
    const content = statementContent(
      data([
        gift({ chargedAmount: 2563n, refundedAmount: 563n, receiptNumber: 1 }),
        gift({ chargedAmount: 1000n, refundedAmount: 1000n, receiptNumber: 2 }),
        gift({ chargedAmount: 1500n, currency: "GBP", receiptNumber: 3, recurring: true }),
        gift({ chargedAmount: 500n, receiptNumber: 4 }),
      ]),
    );
    expect(content.gifts.map((line) => [line.receipt, line.amount])).toEqual([
      ["R-000001", "€20.00"],
      ["R-000003", "£15.00"],
      ["R-000004", "€5.00"],
    ]);
    expect(content.totals).toEqual([
      { currency: "EUR", amount: 2500n, formatted: "€25.00" },
      { currency: "GBP", amount: 1500n, formatted: "£15.00" },
    ]);
    expect(content.gifts[1]?.kind).toBe("Recurring");
  });

  it("says so when there was no gift that year", () => {
    const content = statementContent(data([gift({ succeededAt: new Date("2025-06-01T10:00:00Z") })]));
    expect(content.gifts).toEqual([]);
    expect(content.totals).toEqual([]);
  });

  it("prints the organisation's legal details, the donor, each gift and the totals in its PDF", async () => {
    const text = await pdfText(
      await renderStatementPdf(data([gift({ chargedAmount: 2563n, refundedAmount: 563n }), gift({ chargedAmount: 1500n, currency: "GBP", receiptNumber: 9 })])),
    );
    expect(text).toContain("River Trust e.V.");
    expect(text).toContain("Registration number: VR 12345 B");
    expect(text).toContain("Uferstraße 1");
    expect(text).toContain("Zoë Łukasiewicz");
    expect(text).toContain("Donation statement for 2026");
    expect(text).toMatch(/R-000007.*€20\.00/);
    expect(text).toMatch(/Total in EUR.*€20\.00/);
    expect(text).toMatch(/Total in GBP.*£15\.00/);
    expect(text).toContain("Wir sind als gemeinnützig anerkannt.");
  });
});

describe("a statement in the donor's language", () => {
  const nbsp = "\u00a0";

  it("is Dutch for a Dutch donor: subject, text and PDF, with Dutch dates and amounts", async () => {
    const dutch = data(
      [gift({ chargedAmount: 2563n, refundedAmount: 563n }), gift({ chargedAmount: 1500n, currency: "GBP", receiptNumber: 9, recurring: true })],
      {
        locale: "nl",
      },
    );
    expect(statementSubject(dutch)).toBe("Uw giftenoverzicht 2026 van River Trust");
    const text = statementText(dutch);
    expect(text).toContain("Beste Zoë Łukasiewicz,");
    expect(text).toContain(`Totaal in EUR: €${nbsp}20,00`);
    const content = statementContent(dutch);
    expect(content.gifts.map((line) => [line.date, line.kind])).toEqual([
      ["1 juni 2026", "Eenmalig"],
      ["1 juni 2026", "Periodiek"],
    ]);
    const pdf = await pdfText(await renderStatementPdf(dutch));
    expect(pdf).toContain("Giftenoverzicht 2026");
    expect(pdf).toMatch(/Totaal in GBP.*£\s15,00/);
    expect(pdf).toContain("Registratienummer: VR 12345 B");
    expect(pdf).toContain("Wir sind als gemeinnützig anerkannt.");
    expect(pdf).not.toMatch(/Donation statement|Total in/);
  });

  it("says there was nothing that year in German, and never groups the year's digits", () => {
    const text = statementText(data([], { locale: "de" }));
    expect(text).toContain("Für 2026 liegen uns keine Spenden von Ihnen vor.");
    expect(statementSubject(data([], { locale: "fr" }))).toBe("Votre récapitulatif de dons 2026 de River Trust");
  });
});
