import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/support/pdf-text";
import { receiptHtml, receiptSubject, receiptText, type ReceiptData } from "./receipt-content";
import { renderReceiptPdf } from "./render-receipt-pdf";

function data(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    number: 42,
    kind: "original",
    replacesNumber: null,
    paidAt: new Date("2026-12-31T23:30:00Z"),
    issuedAt: new Date("2026-12-31T23:30:05Z"),
    organisation: {
      name: "River Trust",
      legalName: "River Trust e.V.",
      registrationNumber: "VR 12345 B",
      address: "Uferstraße 1\n10115 Berlin\nGermany",
      email: "donations@river.example",
      timeZone: "Europe/Berlin",
      taxStatement: "Wir sind wegen Förderung des Umweltschutzes als gemeinnützig anerkannt.",
    },
    donor: { name: "Zoë Łukasiewicz", address: "ul. Długa 5\n00-238 Warszawa" },
    amount: 2500n,
    feeCovered: 63n,
    chargedAmount: 2563n,
    currency: "EUR",
    method: "payment_element",
    paymentMethodType: "sepa_debit",
    towards: "Shelter fund",
    dedication: null,
    appUrl: "https://amply.example",
    ...overrides,
  };
}

describe("a receipt's PDF", () => {
  it("holds every detail a donor files, with the name exactly as typed (Ł is not in PDF's standard fonts)", async () => {
    const text = await pdfText(await renderReceiptPdf(data()));
    expect(text).toContain("Zoë Łukasiewicz");
    expect(text).toContain("ul. Długa 5");
    expect(text).toContain("River Trust e.V.");
    expect(text).toContain("Registration number: VR 12345 B");
    expect(text).toContain("Uferstraße 1");
    expect(text).toContain("Wir sind wegen Förderung des Umweltschutzes als gemeinnützig anerkannt.");
    expect(text).toContain("R-000042");
    expect(text).toMatch(/Amount\s+€25\.63/);
    expect(text).toMatch(/Added to cover processing fees\s+€0\.63/);
    expect(text).toMatch(/Payment method\s+SEPA Direct Debit/);
    // 23:30 UTC on 31 December is 00:30 on 1 January in Berlin: a gift of 2027 there.
    expect(text).toMatch(/Date of gift\s+1 January 2027/);
  });

  it("embeds a subset of its font, not the whole file", async () => {
    const bytes = await renderReceiptPdf(data());
    expect(bytes.byteLength).toBeLessThan(120_000);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("prints the period of a recurring instalment, and a correction names the receipt it replaces", async () => {
    const text = await pdfText(
      await renderReceiptPdf(
        data({
          kind: "correction",
          number: 57,
          replacesNumber: 42,
          period: { start: new Date("2027-01-01T00:00:00+01:00"), end: new Date("2027-01-31T12:00:00+01:00") },
        }),
      ),
    );
    expect(text).toContain("Corrected donation receipt R-000057");
    expect(text).toContain("This receipt replaces receipt R-000042");
    expect(text).toMatch(/Period\s+1 January 2027 to 31 January 2027/);
  });

  it("leaves out the tax statement when the organisation wrote none (never invents one)", async () => {
    const text = await pdfText(await renderReceiptPdf(data({ organisation: { ...data().organisation, taxStatement: "  " } })));
    expect(text).not.toMatch(/gemeinnützig|tax/i);
    expect(receiptText(data({ organisation: { ...data().organisation, taxStatement: "" } }))).not.toMatch(/gemeinnützig/);
  });
});

describe("a receipt's email parts", () => {
  it("escape what people typed in the HTML part, and keep it as typed in the text part", () => {
    const hostile = data({
      donor: { name: `<img src=x onerror="alert(1)">`, address: "<script>alert(2)</script>" },
      organisation: { ...data().organisation, taxStatement: "Tax & <b>more</b>" },
      dedication: `"><a href="https://evil.example">win</a>`,
    });
    const html = receiptHtml(hostile);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>more");
    expect(html).not.toContain('<a href="https://evil.example"');
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Tax &amp; &lt;b&gt;more&lt;/b&gt;");
    const text = receiptText(hostile);
    expect(text).toContain(`Dear <img src=x onerror="alert(1)">,`);
  });

  it("date the gift in the organisation's zone and name the method and amounts", () => {
    const text = receiptText(data());
    expect(text).toContain("Receipt number: R-000042");
    expect(text).toContain("Date of gift: 1 January 2027");
    expect(text).toContain("Amount: €25.63");
    expect(text).toContain("Your gift: €25.00");
    expect(text).toContain("Payment method: SEPA Direct Debit");
    expect(text).toContain("Registration number: VR 12345 B");
    expect(receiptText(data({ organisation: { ...data().organisation, timeZone: "UTC" } }))).toContain("Date of gift: 31 December 2026");
    expect(receiptSubject(data())).toBe("Your receipt from River Trust (R-000042)");
  });
});

describe("a receipt in the donor's language", () => {
  // Intl separates amount and symbol with a no-break space.
  const nbsp = "\u00a0";

  it("is German for a gift made in German: subject, text, HTML and PDF, with German dates and amounts", async () => {
    const german = data({ locale: "de" });
    expect(receiptSubject(german)).toBe("Ihre Zuwendungsbestätigung von River Trust (R-000042)");
    const text = receiptText(german);
    expect(text).toContain("Guten Tag Zoë Łukasiewicz,");
    expect(text).toContain("Bestätigungsnummer: R-000042");
    expect(text).toContain("Datum der Spende: 1. Januar 2027");
    expect(text).toContain(`Betrag: 25,63${nbsp}€`);
    expect(text).toContain(`Ihre Spende: 25,00${nbsp}€`);
    expect(text).toContain("Zahlungsart: SEPA-Lastschrift");
    expect(text).toContain("Registernummer: VR 12345 B");
    expect(text).not.toMatch(/Receipt number|Date of gift|Dear /);
    expect(receiptHtml(german)).toContain('<h1 style="font-size:1.25rem">Zuwendungsbestätigung R-000042</h1>');

    const pdf = await pdfText(await renderReceiptPdf(german));
    expect(pdf).toContain("Zuwendungsbestätigung R-000042");
    expect(pdf).toMatch(/Datum der Spende\s+1\. Januar 2027/);
    expect(pdf).toMatch(/Betrag\s+25,63\s€/);
    expect(pdf).toMatch(/Zur Deckung der Zahlungsgebühren hinzugefügt\s+0,63\s€/);
    expect(pdf).toContain("Bitte bewahren Sie diese Bestätigung für Ihre Unterlagen auf.");
    // What the organisation wrote stays as written.
    expect(pdf).toContain("Wir sind wegen Förderung des Umweltschutzes als gemeinnützig anerkannt.");
    expect(pdf).toContain("Shelter fund");
    expect(pdf).not.toMatch(/Receipt number|Date of gift|Keep this receipt/);
  });

  it("prints French and Dutch forms: a period, the interval and a correction", async () => {
    const recurring = {
      kind: "correction" as const,
      number: 57,
      replacesNumber: 42,
      interval: "month" as const,
      period: { start: new Date("2027-01-01T00:00:00+01:00"), end: new Date("2027-01-31T12:00:00+01:00") },
    };
    const french = receiptText(data({ ...recurring, locale: "fr" }));
    expect(french).toContain("Reçu de don rectifié R-000057");
    expect(french).toContain("Ce reçu remplace le reçu R-000042, qui n’est plus valable.");
    expect(french).toContain("Période : du 1 janvier 2027 au 31 janvier 2027");
    expect(french).toContain("Don régulier : Mensuel");
    expect(french).toContain(`Montant : 25,63${nbsp}€`);
    expect(receiptSubject(data({ ...recurring, locale: "fr" }))).toBe("Votre reçu rectifié de River Trust (R-000057)");

    const dutch = await pdfText(await renderReceiptPdf(data({ ...recurring, locale: "nl" })));
    expect(dutch).toMatch(/Periode\s+1 januari 2027 tot en met 31 januari 2027/);
    expect(dutch).toMatch(/Bedrag\s+€\s25,63/);
    expect(dutch).toMatch(/Periodieke gift\s+Maandelijks/);
  });

  it("greets a donor who gave no name without inventing one", () => {
    expect(receiptText(data({ locale: "de", donor: { name: null, address: null } }))).toContain("Guten Tag,\n");
    expect(receiptText(data({ donor: { name: null, address: null } }))).toContain("Dear Supporter,\n");
  });
});
