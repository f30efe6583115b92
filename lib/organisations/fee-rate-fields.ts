// The organisation form's fee rate fields, shared by the form (in the browser) and the server
// action that reads it: which payment method families a currency has, and what the fields are called.
import { BANK_TRANSFER_CURRENCIES } from "@/lib/donations/bank-transfer";
import { toDecimalString } from "@/lib/money/amount";
import { FEE_FAMILIES, type FeeFamily, type FeeRate } from "@/lib/money/fees";

/** The families of payment methods a currency can be paid with, so the form asks for their rates. */
export function feeFamiliesFor(currency: string): FeeFamily[] {
  return FEE_FAMILIES.filter(
    (family) =>
      family === "card" ||
      (family === "sepa_debit" && currency === "EUR") ||
      (family === "bank_transfer" && (BANK_TRANSFER_CURRENCIES as readonly string[]).includes(currency)),
  );
}

/** A fee field's name. The card fields keep the names they had before rates were per family. */
export function feeFieldName(currency: string, family: FeeFamily, part: "percent" | "fixed" | "cap"): string {
  return family === "card" ? `fee.${currency}.${part}` : `fee.${currency}.${family}.${part}`;
}

export type FeeRateFormValues = Record<string, Partial<Record<FeeFamily, { percent: string; fixed: string; cap: string }>>>;

/** An organisation's fee rates as the form shows them ("1.5", "0.25" and "" for no cap), per currency and family. */
export function feeRateFormValues(rates: readonly FeeRate[]): FeeRateFormValues {
  const values: FeeRateFormValues = {};
  for (const rate of rates) {
    (values[rate.currency] ??= {})[rate.family ?? "card"] = {
      percent: percentText(rate.percentBps),
      fixed: toDecimalString(rate.fixedMinor, rate.currency),
      cap: rate.capMinor == null ? "" : toDecimalString(rate.capMinor, rate.currency),
    };
  }
  return values;
}

/** 150 basis points -> "1.5" (the form's percentage), by the digits. */
export function percentText(bps: number): string {
  const digits = String(bps).padStart(3, "0");
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`.replace(/\.?0+$/, "");
}
