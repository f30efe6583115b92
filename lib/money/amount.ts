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

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Parse what a donor typed ("25", "25,50", "1.234,56", "€ 10", "1,000") in their locale into
 * minor units. Where the typed text is ambiguous the reading a person most likely meant wins:
 * a lone separator followed by one or two digits is a decimal point, followed by three it groups
 * thousands.
 */
export function parseAmount(input: string, currencyCode: string, locale = "en-GB"): number {
  const currency = getCurrency(currencyCode);
  const invalid = () => new MoneyError(`Enter an amount such as ${example(currency)}.`, "invalid_amount");

  let text = input.replace(SPACES, "").replace(/[^\d.,\u066b\u066c-]/g, "");
  if (!/\d/.test(text)) throw invalid();
  if (text.includes("-")) throw new MoneyError("Enter an amount above zero.", "invalid_amount");
  // Arabic decimal and thousands separators.
  text = text.replace(/\u066b/g, ".").replace(/\u066c/g, ",");

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
  whole = whole.replace(/[.,]/g, "");
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || whole + fraction === "") throw invalid();

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
