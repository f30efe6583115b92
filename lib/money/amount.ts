// Converting between minor units and what people read and type. No floating point anywhere:
// amounts are integers, decimals are built and parsed as strings.
import { getCurrency, MAXIMUM_CHARGE, MoneyError, type Currency } from "./currencies";

export type MinorUnits = number | bigint;

/** "2563" EUR -> "25.63"; "1000" JPY -> "1000"; "-150" EUR -> "-1.50"; "500" ISK -> "5". */
export function toDecimalString(amount: MinorUnits, currencyCode: string): string {
  const currency = getCurrency(currencyCode);
  const value = BigInt(amount);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(currency.exponent + 1, "0");
  const whole = digits.slice(0, digits.length - currency.exponent);
  let fraction = digits.slice(digits.length - currency.exponent);
  // ISK carries two API decimals that are always 00; people see whole krónur.
  if (currency.displayDecimals < currency.exponent) fraction = fraction.slice(0, currency.displayDecimals);
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Format for people, e.g. formatMoney(2563, "EUR", "de-DE") -> "25,63 €". */
export function formatMoney(amount: MinorUnits, currencyCode: string, locale = "en-GB"): string {
  const currency = getCurrency(currencyCode);
  const key = `${locale}|${currency.code}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // Building a formatter costs far more than using one: keep them.
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: currency.code,
      minimumFractionDigits: currency.displayDecimals,
      maximumFractionDigits: currency.displayDecimals,
    });
    formatters.set(key, formatter);
  }
  // Intl takes a decimal string exactly (no conversion to a float on the way).
  return formatter.format(toDecimalString(amount, currency.code) as `${number}`);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    group: parts.find((part) => part.type === "group")?.value ?? ",",
    decimal: parts.find((part) => part.type === "decimal")?.value ?? ".",
  };
}

// Spaces (plain, no-break, narrow no-break) and the Swiss apostrophe only ever group digits.
const SPACE_GROUPS = /[ \u00a0\u202f'\u2019]/;
const GROUPED_THOUSANDS = /^\d{1,3}(?:(?<separator>[., \u00a0\u202f'\u2019])\d{3})(?:\k<separator>\d{3})*$/;
// India groups lakhs and crores: 1,00,00,000.
const GROUPED_LAKHS = /^\d{1,2}(?:,\d{2})*,\d{3}$/;

/** The ways a currency may be written next to an amount in a locale: "€", "EUR", "US$", "$". */
function currencySymbols(currency: Currency, locale: string): string[] {
  const symbols = new Set([currency.code]);
  for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
    for (const inLocale of [locale, "en-GB"]) {
      const part = new Intl.NumberFormat(inLocale, { style: "currency", currency: currency.code, currencyDisplay })
        .formatToParts(1)
        .find((p) => p.type === "currency");
      if (part) symbols.add(part.value);
    }
  }
  // Longest first, so that "US$" is taken whole rather than leaving "US".
  return [...symbols].sort((a, b) => b.length - a.length);
}

/** The text without one currency symbol at its start or end (either, not both). */
function withoutCurrencySymbol(text: string, symbols: string[]): string {
  const upper = text.toUpperCase();
  for (const symbol of symbols) {
    if (upper.startsWith(symbol.toUpperCase())) return text.slice(symbol.length).trim();
    if (upper.endsWith(symbol.toUpperCase())) return text.slice(0, text.length - symbol.length).trim();
  }
  return text;
}

/**
 * Parse what a donor typed ("25", "25,50", "1.234,56", "€ 10", "1,000") in their locale into
 * minor units. An amount is digits, at most one decimal separator, grouping separators where they
 * group thousands (or lakhs), and one optional currency symbol; anything else is refused with a
 * message saying what is wrong, never dropped: dropping letters turned "1e9" into 19.
 * Where the typed text is ambiguous the reading a person most likely meant wins: a lone separator
 * followed by one or two digits is a decimal point, followed by three it groups thousands (unless
 * it is the locale's decimal separator).
 */
export function parseAmount(input: string, currencyCode: string, locale = "en-GB"): number {
  const currency = getCurrency(currencyCode);
  const invalid = (why: string) => new MoneyError(`${why} Enter an amount such as ${example(currency)}.`, "invalid_amount");

  // Arabic decimal and thousands separators.
  let text = withoutCurrencySymbol(input.trim(), currencySymbols(currency, locale))
    .replace(/\u066b/g, ".")
    .replace(/\u066c/g, ",");
  if (/^[-\u2212]/.test(text) || /^\d.*-$/.test(text)) throw new MoneyError("Enter an amount above zero.", "invalid_amount");
  const stray = [...text].find((char) => !/[\d.,]/.test(char) && !SPACE_GROUPS.test(char));
  if (stray !== undefined) throw invalid(`"${stray}" cannot be part of an amount.`);
  if (!/\d/.test(text)) throw new MoneyError(`Enter an amount such as ${example(currency)}.`, "invalid_amount");

  const { decimal } = separators(locale);
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let decimalSeparator: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSeparator = lastDot > lastComma ? "." : ",";
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const occurrences = text.split(separator).length - 1;
    const digitsAfter = text.length - text.lastIndexOf(separator) - 1;
    if (occurrences === 1 && (separator === decimal || digitsAfter !== 3)) decimalSeparator = separator;
  }

  let whole = text;
  let fraction = "";
  if (decimalSeparator) {
    const at = text.lastIndexOf(decimalSeparator);
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
  }
  if (!/^\d*$/.test(fraction)) throw invalid("Put the decimal separator once, after the thousands separators.");
  if (!/^\d*$/.test(whole)) {
    if (!GROUPED_THOUSANDS.test(whole) && !GROUPED_LAKHS.test(whole)) {
      throw invalid("Thousands separators go between groups of three digits, such as 1,234.");
    }
    whole = whole.replace(/\D/g, "");
  }
  text = whole + fraction;
  if (text === "") throw new MoneyError(`Enter an amount such as ${example(currency)}.`, "invalid_amount");

  fraction = fraction.replace(/0+$/, "");
  if (fraction.length > currency.displayDecimals) {
    throw new MoneyError(
      currency.displayDecimals === 0
        ? `${currency.code} amounts are whole numbers, such as ${example(currency)}.`
        : `${currency.code} amounts have at most ${currency.displayDecimals} decimals, such as ${example(currency)}.`,
      "invalid_amount",
    );
  }
  const minorDigits = (whole || "0") + fraction.padEnd(currency.exponent, "0");
  const minor = BigInt(minorDigits);
  if (minor > BigInt(MAXIMUM_CHARGE)) {
    throw new MoneyError(`The largest amount is ${formatMoney(MAXIMUM_CHARGE - (MAXIMUM_CHARGE % currency.step), currency.code, locale)}.`, "amount_too_large");
  }
  const amount = Number(minor);
  if (amount % currency.step !== 0) {
    throw new MoneyError(`${currency.code} amounts must be a multiple of ${toDecimalString(currency.step, currency.code)}.`, "invalid_amount");
  }
  return amount;
}

function example(currency: Currency): string {
  return toDecimalString(currency.exponent === 0 ? 1000 : 25 * 10 ** currency.exponent, currency.code);
}
