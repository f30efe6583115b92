// The organisation form's fee rates: one row per payment method family a currency has (cards
// everywhere, SEPA Direct Debit in EUR, bank transfers in EUR, GBP and USD), each with a
// percentage, a fixed part and an optional cap.
import { describe, expect, it } from "vitest";
import { feeRateFormValues } from "./fee-rate-fields";
import { organisationFormSchema } from "./organisation-input";

const form = (fees: Record<string, string>) => ({
  name: "Rates Trust",
  email: "hello@rates.example",
  country: "DE",
  defaultCurrency: "EUR",
  acceptedCurrencies: ["EUR", "GBP", "JPY"],
  ...fees,
});

const cardFields = {
  "fee.EUR.percent": "1.5",
  "fee.EUR.fixed": "0.25",
  "fee.GBP.percent": "1.5",
  "fee.GBP.fixed": "0.20",
  "fee.JPY.percent": "3.6",
  "fee.JPY.fixed": "0",
};

describe("fee rates per payment method family in the organisation form", () => {
  it("reads a rate per family, with its cap, and leaves a family without figures unset", async () => {
    const input = await organisationFormSchema().parseAsync(
      form({
        ...cardFields,
        "fee.EUR.sepa_debit.percent": "0",
        "fee.EUR.sepa_debit.fixed": "0.35",
        "fee.EUR.bank_transfer.percent": "0.5",
        "fee.EUR.bank_transfer.fixed": "0",
        "fee.EUR.bank_transfer.cap": "5",
        "fee.GBP.bank_transfer.percent": "",
        "fee.GBP.bank_transfer.fixed": "",
        "fee.GBP.bank_transfer.cap": "",
      }),
    );
    expect(input.feeRates).toEqual([
      { currency: "EUR", family: "card", percentBps: 150, fixedMinor: 25, capMinor: null },
      { currency: "EUR", family: "sepa_debit", percentBps: 0, fixedMinor: 35, capMinor: null },
      { currency: "EUR", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
      { currency: "GBP", family: "card", percentBps: 150, fixedMinor: 20, capMinor: null },
      { currency: "JPY", family: "card", percentBps: 360, fixedMinor: 0, capMinor: null },
    ]);
  });

  it("names the field of a cap or a percentage it cannot read", async () => {
    const result = await organisationFormSchema().safeParseAsync(
      form({ ...cardFields, "fee.EUR.bank_transfer.percent": "0.5", "fee.EUR.bank_transfer.cap": "five", "fee.EUR.sepa_debit.percent": "abc" }),
    );
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
    expect(messages).toEqual({
      "fee.EUR.bank_transfer.cap": "Give the most Stripe charges for a bank transfer in EUR, like 5.00, or leave it empty for no cap.",
      "fee.EUR.sepa_debit.percent": "Give Stripe's percentage for SEPA Direct Debit in EUR, like 1.5 (at most 20).",
    });
  });

  it("shows each family's rate in its own fields", () => {
    expect(
      feeRateFormValues([
        { currency: "EUR", family: "card", percentBps: 150, fixedMinor: 25, capMinor: null },
        { currency: "EUR", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
      ]),
    ).toEqual({
      EUR: {
        card: { percent: "1.5", fixed: "0.25", cap: "" },
        bank_transfer: { percent: "0.5", fixed: "0.00", cap: "5.00" },
      },
    });
  });
});

describe("recurring gifts in the organisation form", () => {
  it("reads the intervals ticked, none meaning one-off gifts only, and refuses one it does not know", async () => {
    expect((await organisationFormSchema().parseAsync({ ...form(cardFields), recurringIntervals: ["month", "year"] })).recurringIntervals).toEqual([
      "month",
      "year",
    ]);
    expect((await organisationFormSchema().parseAsync({ ...form(cardFields), recurringIntervals: "year" })).recurringIntervals).toEqual(["year"]);
    expect((await organisationFormSchema().parseAsync(form(cardFields))).recurringIntervals).toEqual([]);
    const result = await organisationFormSchema().safeParseAsync({ ...form(cardFields), recurringIntervals: ["week"] });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["recurringIntervals"]);
  });
});
