// What Stripe refuses before any money moves: unknown currencies, amounts outside the charge limits,
// statement descriptors it cannot print.
import type { Engine } from "../engine";
import { decimalsOf, formatMinor, minimumCharge } from "../pricing";
import { invalid } from "../wire";
import type { Account } from "./objects";

export const SUPPORTED_CURRENCIES = new Set(
  (
    "usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk " +
    "djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd kzt " +
    "lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar ron rsd rub " +
    "rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf yer zar zmw"
  ).split(" "),
);

export function assertCurrency(currency: string, param: string) {
  if (!SUPPORTED_CURRENCIES.has(currency)) {
    throw invalid(`Invalid currency: ${currency}. Stripe currently supports these currencies: ${[...SUPPORTED_CURRENCIES].join(", ")}`, param);
  }
}

/**
 * Stripe's charge limits: at least the currency's minimum (0.50 EUR, 0.30 GBP...) and at most eight
 * digits of minor units; the minimum applies again after conversion to the account's settlement
 * currency, so an amount above the presentment minimum can still be refused as amount_too_small.
 */
export function assertAmount(engine: Engine, account: Account, amount: number, currency: string) {
  if (!Number.isInteger(amount) || amount < 1) throw invalid("This value must be greater than or equal to 1.", "amount");
  if (decimalsOf(currency) === 3 && amount % 10 !== 0) throw invalid("Amounts in three-decimal currencies must end in 0.", "amount", "invalid_amount");
  if (currency === "isk" && amount % 100 !== 0) throw invalid("ISK amounts must be whole krónur (divisible by 100).", "amount", "invalid_amount");
  if (amount > 99_999_999) throw invalid(`Amount must be no more than ${formatMinor(99_999_999, currency)}`, "amount", "amount_too_large");
  const minimum = minimumCharge(currency, engine.fx);
  if (amount < minimum) {
    throw invalid(`Amount must be at least ${formatMinor(minimum, currency)}`, "amount", "amount_too_small");
  }
  const settlement = account.default_currency;
  const settledMinimum = minimumCharge(settlement, engine.fx);
  const converted = engine.fx.convert(amount, currency, settlement).amount;
  if (converted < settledMinimum) {
    throw invalid(
      `Amount must convert to at least ${formatMinor(settledMinimum, settlement)}. ${formatMinor(amount, currency)} converts to approximately ${formatMinor(converted, settlement)}.`,
      "amount",
      "amount_too_small",
    );
  }
}

export function assertDescriptorSuffix(account: Account, suffix: string | undefined) {
  if (suffix === undefined) return;
  const prefix = String((account.settings as { payments: { statement_descriptor: string } }).payments.statement_descriptor).slice(0, 10);
  if (/[<>\\'"*]/.test(suffix) || /[^\x20-\x7E]/.test(suffix)) {
    throw invalid(
      "The statement descriptor suffix must be Latin characters only and cannot contain < > \\ ' \" *.",
      "statement_descriptor_suffix",
      "invalid_statement_descriptor",
    );
  }
  if (`${prefix}* ${suffix}`.length > 22) {
    throw invalid(
      `The statement descriptor "${prefix}* ${suffix}" is longer than 22 characters.`,
      "statement_descriptor_suffix",
      "invalid_statement_descriptor",
    );
  }
}
