// The currencies Stripe can charge in, with how Stripe writes their amounts
// (docs/stripe.md#money-in-minor-units).
// Source: docs.stripe.com/currencies (presentment currencies, zero-decimal, three-decimal and
// special cases, minimum charge amounts). Amounts are integers in the currency's minor unit.

export class MoneyError extends Error {
  constructor(
    message: string,
    readonly code: "unsupported_currency" | "no_fee_rate" | "invalid_amount" | "amount_too_small" | "amount_too_large",
  ) {
    super(message);
    this.name = "MoneyError";
  }
}

/** Zero-decimal in Stripe's API: the amount is the number of whole units. */
const ZERO_DECIMAL = ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
/** Three decimals, and Stripe requires the last digit to be 0 (steps of 10 minor units). */
const THREE_DECIMAL = ["BHD", "JOD", "KWD", "OMR", "TND"];
/**
 * Written with two decimals although only whole units can be charged: ISK is zero-decimal, sent
 * as a two-decimal amount ending in 00.
 */
const WHOLE_UNITS_AS_TWO_DECIMALS = ["ISK"];

// A code list reads best as a grid, not one code per line.
// prettier-ignore
const TWO_DECIMAL = [
  "USD", "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
  "BMD", "BND", "BOB", "BRL", "BSD", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP", "CRC", "CVE",
  "CZK", "DKK", "DOP", "DZD", "EGP", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GIP", "GMD", "GTQ", "GYD",
  "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "JMD", "KES", "KGS", "KHR", "KYD", "KZT", "LAK", "LBP",
  "LKR", "LRD", "LSL", "MAD", "MDL", "MKD", "MMK", "MNT", "MOP", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN",
  "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD",
  "RUB", "SAR", "SBD", "SCR", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "STD", "SZL", "THB", "TJS", "TOP",
  "TRY", "TTD", "TWD", "TZS", "UAH", "UYU", "UZS", "WST", "XCD", "YER", "ZAR", "ZMW",
];

/**
 * Stripe's published minimum charge, in minor units. For currencies not listed Stripe's minimum
 * is the equivalent of 0.50 USD at the day's rate, which Amply cannot know: Stripe's
 * `amount_too_small` answer is mapped to the same clear error instead
 * (docs/stripe.md#minimum-and-maximum-charge).
 */
const MINIMUM_CHARGE: Record<string, number> = {
  USD: 50,
  AED: 200,
  AUD: 50,
  BGN: 100,
  BRL: 50,
  CAD: 50,
  CHF: 50,
  CZK: 1500,
  DKK: 250,
  EUR: 50,
  GBP: 30,
  HKD: 400,
  HUF: 17500,
  INR: 50,
  JPY: 50,
  MXN: 1000,
  MYR: 200,
  NOK: 300,
  NZD: 50,
  PLN: 200,
  RON: 200,
  SEK: 300,
  SGD: 50,
  THB: 1000,
};

/** Stripe accepts at most eight digits of minor units. */
export const MAXIMUM_CHARGE = 99_999_999;

export type Currency = {
  /** ISO 4217, upper case. Stripe's API takes it lower case. */
  code: string;
  /** Decimals in Stripe's API amount (ISK: 2, although only whole krónur can be charged). */
  exponent: 0 | 2 | 3;
  /** Smallest chargeable step, in minor units (10 for three-decimal currencies, 100 for ISK). */
  step: number;
  /** Decimals a person writes and reads (ISK: 0). */
  displayDecimals: number;
  /** Stripe's published minimum charge in minor units, when it publishes one. */
  minimumCharge: number | null;
};

const CURRENCIES = new Map<string, Currency>();
for (const code of ZERO_DECIMAL) CURRENCIES.set(code, { code, exponent: 0, step: 1, displayDecimals: 0, minimumCharge: null });
for (const code of THREE_DECIMAL) CURRENCIES.set(code, { code, exponent: 3, step: 10, displayDecimals: 3, minimumCharge: null });
for (const code of WHOLE_UNITS_AS_TWO_DECIMALS) CURRENCIES.set(code, { code, exponent: 2, step: 100, displayDecimals: 0, minimumCharge: null });
for (const code of TWO_DECIMAL) CURRENCIES.set(code, { code, exponent: 2, step: 1, displayDecimals: 2, minimumCharge: null });
for (const [code, minimum] of Object.entries(MINIMUM_CHARGE)) {
  const currency = CURRENCIES.get(code);
  if (currency) currency.minimumCharge = minimum;
}

/** Every currency Stripe can charge in, upper case, sorted. */
export const SUPPORTED_CURRENCIES: readonly string[] = [...CURRENCIES.keys()].sort();

export function isSupportedCurrency(code: string): boolean {
  return CURRENCIES.has(code.toUpperCase());
}

/** The currency for an ISO 4217 code (any case); throws for one Stripe cannot charge in. */
export function getCurrency(code: string): Currency {
  const currency = CURRENCIES.get(code.toUpperCase());
  if (!currency) {
    throw new MoneyError(`${code.toUpperCase() || "(empty)"} is not a currency Stripe can charge in.`, "unsupported_currency");
  }
  return currency;
}
