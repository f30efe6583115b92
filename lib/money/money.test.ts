import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, parseAmount, toDecimalString } from "./amount";
import { getCurrency, MoneyError, SUPPORTED_CURRENCIES } from "./currencies";
import { DEFAULT_FEE_RATES, donationCharge, estimateFee, feeRateFor, grossUp, type FeeFamily, type FeeRate } from "./fees";
import { assertChargeable } from "./limits";

const EUR = feeRateFor(DEFAULT_FEE_RATES, "EUR");

describe("currencies", () => {
  it("knows Stripe's zero-, two- and three-decimal currencies and ISK's special case", () => {
    expect(getCurrency("jpy")).toMatchObject({ exponent: 0, step: 1 });
    expect(getCurrency("EUR")).toMatchObject({ exponent: 2, step: 1 });
    expect(getCurrency("KWD")).toMatchObject({ exponent: 3, step: 10 });
    expect(getCurrency("ISK")).toMatchObject({ exponent: 2, step: 100, displayDecimals: 0 });
    expect(SUPPORTED_CURRENCIES.filter((code) => getCurrency(code).exponent === 0)).toHaveLength(16);
  });

  it("refuses a currency Stripe does not support, with no fallback", () => {
    expect(() => getCurrency("XYZ")).toThrow(/XYZ is not a currency Stripe can charge in/);
    expect(() => feeRateFor(DEFAULT_FEE_RATES, "XYZ")).toThrow(MoneyError);
  });

  it("refuses a supported currency the organisation has no fee rate for", () => {
    expect(() => feeRateFor(DEFAULT_FEE_RATES, "JPY")).toThrow(/No processing fee rate is set for JPY/);
  });
});

describe("formatting", () => {
  it("divides by the currency's exponent, not by 100", () => {
    expect(toDecimalString(2563, "EUR")).toBe("25.63");
    expect(toDecimalString(1000, "JPY")).toBe("1000");
    expect(toDecimalString(1250, "KWD")).toBe("1.250");
    expect(toDecimalString(-5, "EUR")).toBe("-0.05");
    expect(toDecimalString(50000, "ISK")).toBe("500");
    expect(toDecimalString(12345678901234567890n, "USD")).toBe("123456789012345678.90");
  });

  it("formats with Intl in the reader's locale", () => {
    expect(formatMoney(2563, "EUR", "en-GB")).toBe("€25.63");
    expect(formatMoney(2563, "EUR", "de-DE")).toBe("25,63\u00a0€");
    expect(formatMoney(1000, "JPY", "en-GB")).toBe("JP¥1,000");
    expect(formatMoney(50000, "ISK", "en-GB")).toBe("ISK\u00a0500");
  });
});

describe("parsing what donors type", () => {
  it.each([
    ["25", "EUR", "en-GB", 2500],
    ["25.5", "EUR", "en-GB", 2550],
    ["25,50", "EUR", "de-DE", 2550],
    ["1.234,56", "EUR", "de-DE", 123456],
    ["1,234.56", "USD", "en-US", 123456],
    ["€ 10", "EUR", "en-GB", 1000],
    ["25,5", "EUR", "en-GB", 2550],
    ["1,000", "JPY", "ja-JP", 1000],
    ["1 000,00", "EUR", "fr-FR", 100000],
    ["500", "ISK", "is-IS", 50000],
    ["1.25", "KWD", "en-GB", 1250],
  ])("%s %s in %s is %d minor units", (typed, currency, locale, expected) => {
    expect(parseAmount(typed, currency, locale)).toBe(expected);
  });

  it.each([
    ["", "EUR", /Enter an amount/],
    ["abc", "EUR", /Enter an amount/],
    ["-5", "EUR", /above zero/],
    ["10.001", "EUR", /at most 2 decimals/],
    ["10.5", "JPY", /whole numbers/],
    ["1.255", "KWD", /multiple of 0.010/],
    ["1000000", "EUR", /largest amount/],
  ])("rejects %j in %s", (typed, currency, message) => {
    expect(() => parseAmount(typed, currency, "en-GB")).toThrow(message);
  });

  it("round-trips every amount through its decimal form", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED_CURRENCIES), fc.integer({ min: 1, max: 99_999_999 }), (code, raw) => {
        const { step } = getCurrency(code);
        const amount = raw - (raw % step) || step;
        expect(parseAmount(toDecimalString(amount, code), code, "en-GB")).toBe(amount);
      }),
    );
  });
});

describe("amounts are read strictly: nothing typed is dropped", () => {
  it.each([
    ["1e9", /"e"/],
    ["12abc34", /"a"/],
    ["10 EUR 5", /"E"/],
    ["1,2,3", /thousands/i],
    ["12,3456.00", /thousands/i],
    ["1.234.5", /thousands/i],
    ["1,2.50", /thousands/i],
    ["1.5.5", /thousands/i],
    ["10..5", /thousands|decimal/i],
    ["€€10", /"€"/],
    ["0x10", /"x"/],
    ["Infinity", /"I"/],
    ["1_000", /"_"/],
    ["--5", /above zero/],
  ])("refuses %j with a message that says what is wrong", (typed, message) => {
    expect(() => parseAmount(typed, "EUR", "en-GB")).toThrow(MoneyError);
    expect(() => parseAmount(typed, "EUR", "en-GB")).toThrow(message);
  });

  it.each([
    ["EUR 10", "EUR", "en-GB", 1000],
    ["10 €", "EUR", "de-DE", 1000],
    ["10€", "EUR", "fr-FR", 1000],
    ["£1,234.50", "GBP", "en-GB", 123450],
    ["$ 1 234,50", "USD", "fr-FR", 123450],
    ["¥2500", "JPY", "ja-JP", 2500],
    ["1'234.50", "CHF", "de-CH", 123450],
    ["1,00,000", "INR", "en-IN", 10000000],
    ["25.", "EUR", "en-GB", 2500],
    [".50", "EUR", "en-GB", 50],
    ["  25  ", "EUR", "en-GB", 2500],
  ])("reads %j %s in %s as %d minor units", (typed, currency, locale, expected) => {
    expect(parseAmount(typed, currency, locale)).toBe(expected);
  });

  it("never reads text with a letter or stray symbol as a number", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9.,]{0,6}$/),
        fc.constantFrom(..."abcdefxyzEe_+*/#%!?@"),
        fc.stringMatching(/^[0-9.,]{0,6}$/),
        (before, stray, after) => {
          expect(() => parseAmount(`${before}${stray}${after}`, "EUR", "en-GB")).toThrow(MoneyError);
        },
      ),
    );
  });

  it("reads every amount back from how people are shown it, in any locale", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("EUR", "USD", "GBP", "JPY", "CHF", "KWD"),
        fc.constantFrom("en-GB", "en-US", "de-DE", "fr-FR", "de-CH", "ja-JP", "nl-NL", "en-IN"),
        fc.integer({ min: 1, max: 99_999_999 }),
        (code, locale, raw) => {
          const { step } = getCurrency(code);
          const amount = raw - (raw % step) || step;
          expect(parseAmount(formatMoney(amount, code, locale), code, locale)).toBe(amount);
        },
      ),
    );
  });
});

describe("minimum and maximum charge", () => {
  it("applies Stripe's per-currency minimum and the 8-digit maximum", () => {
    expect(() => assertChargeable(49, "EUR")).toThrow(/smallest gift in EUR is €0.50/);
    expect(() => assertChargeable(29, "GBP")).toThrow(/smallest gift in GBP/);
    expect(() => assertChargeable(49, "JPY")).toThrow(/smallest gift in JPY/);
    expect(() => assertChargeable(100_000_000, "USD")).toThrow(/largest gift/);
    expect(() => assertChargeable(1255, "KWD")).toThrow(/multiple/);
    expect(() => assertChargeable(0, "EUR")).toThrow(/above zero/);
    expect(() => assertChargeable(50, "EUR")).not.toThrow();
    expect(() => assertChargeable(30, "GBP")).not.toThrow();
    expect(() => assertChargeable(99_999_999, "USD")).not.toThrow();
  });
});

describe("fees and the gross-up", () => {
  it("rounds Stripe's fee half up", () => {
    expect(estimateFee(2563, EUR)).toBe(63); // 38.445 + 25 -> 63
    expect(estimateFee(1000, EUR)).toBe(40); // 15 + 25
    expect(estimateFee(100, EUR)).toBe(27); // 1.5 + 25: the half rounds up
    expect(estimateFee(1030, EUR)).toBe(40); // 15.45 + 25: rounds down
  });

  it("charges 10.41 for a 10.00 EUR gift and 25.63 for 25.00 EUR", () => {
    expect(grossUp(1000, EUR)).toBe(1041);
    expect(grossUp(2500, EUR)).toBe(2563);
    expect(donationCharge(2500, EUR, true)).toEqual({ amount: 2500, feeCovered: 63, chargedAmount: 2563, estimatedFee: 63 });
    expect(donationCharge(2500, EUR, false)).toMatchObject({ feeCovered: 0, chargedAmount: 2500 });
  });

  it("respects a three-decimal currency's step", () => {
    const kwd: FeeRate = { currency: "KWD", percentBps: 290, fixedMinor: 100 };
    expect(grossUp(5000, kwd) % 10).toBe(0);
  });

  const rates = fc.record({
    currency: fc.constantFrom("EUR", "JPY", "KWD", "ISK", "USD"),
    percentBps: fc.integer({ min: 0, max: 1_000 }),
    fixedMinor: fc.integer({ min: 0, max: 500 }),
  });

  it("always nets at least the gift, and one valid step less would not", () => {
    fc.assert(
      fc.property(rates, fc.integer({ min: 1, max: 10_000_000 }), (rate, raw) => {
        const { step } = getCurrency(rate.currency);
        const amount = Math.ceil(raw / step) * step;
        const charge = grossUp(amount, rate);
        expect(charge % step).toBe(0);
        expect(charge - estimateFee(charge, rate)).toBeGreaterThanOrEqual(amount);
        const less = charge - step;
        if (less >= amount) expect(less - estimateFee(less, rate)).toBeLessThan(amount);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("fees per payment method family", () => {
  const rate = (currency: string, family: FeeFamily) => feeRateFor(DEFAULT_FEE_RATES, currency, family);

  it("covers a GBP 40.00 bank transfer at the transfer rate: 40.20, where the card rate makes it 40.81", () => {
    expect(donationCharge(4000, rate("GBP", "card"), true).chargedAmount).toBe(4081);
    expect(donationCharge(4000, rate("GBP", "bank_transfer"), true)).toEqual({ amount: 4000, feeCovered: 20, chargedAmount: 4020, estimatedFee: 20 });
  });

  it("covers SEPA Direct Debit at its fixed 0.35 EUR", () => {
    expect(donationCharge(1000, rate("EUR", "sepa_debit"), true)).toEqual({ amount: 1000, feeCovered: 35, chargedAmount: 1035, estimatedFee: 35 });
  });

  it("has no SEPA Direct Debit rate outside EUR: covering it there is refused, never borrowed from cards", () => {
    expect(() => rate("GBP", "sepa_debit")).toThrow(/No SEPA Direct Debit processing fee rate is set for GBP/);
  });

  it("caps the fee: a transfer's fee stops at 5.00, and the gross-up adds at most the cap", () => {
    const transfer = rate("EUR", "bank_transfer");
    expect(transfer).toMatchObject({ percentBps: 50, fixedMinor: 0, capMinor: 500 });
    expect(estimateFee(99_999, transfer)).toBe(500); // 499.995 rounds up to the cap
    expect(estimateFee(99_899, transfer)).toBe(499);
    expect(estimateFee(5_000_000, transfer)).toBe(500);
    expect(grossUp(99_500, transfer)).toBe(100_000);
    expect(grossUp(200_000, transfer)).toBe(200_500);
    expect(grossUp(5_000_000, transfer)).toBe(5_000_500);
  });

  const capped = fc.record({
    currency: fc.constantFrom("EUR", "JPY", "KWD", "ISK", "USD"),
    percentBps: fc.integer({ min: 0, max: 1_000 }),
    fixedMinor: fc.integer({ min: 0, max: 500 }),
    capMinor: fc.integer({ min: 0, max: 2_000 }),
  });

  it("with a cap, always nets at least the gift, and one valid step less would not", () => {
    fc.assert(
      fc.property(capped, fc.integer({ min: 1, max: 10_000_000 }), (rate, raw) => {
        const { step } = getCurrency(rate.currency);
        const amount = Math.ceil(raw / step) * step;
        const charge = grossUp(amount, rate);
        expect(charge % step).toBe(0);
        expect(estimateFee(charge, rate)).toBeLessThanOrEqual(rate.capMinor);
        expect(charge - estimateFee(charge, rate)).toBeGreaterThanOrEqual(amount);
        const less = charge - step;
        if (less >= amount) expect(less - estimateFee(less, rate)).toBeLessThan(amount);
      }),
      { numRuns: 2_000 },
    );
  });
});
