// The sandbox's own money rules: minimum charges, conversion to the account's settlement currency
// and Stripe's fee on a charge. Deliberately independent of Amply's lib/money, so a test that
// compares Amply's estimate with what "Stripe" books can catch a mistake in either.

const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

export function decimalsOf(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/** Value of one unit of each currency in euros (fixed test rates; configurable per sandbox). */
export const DEFAULT_EUR_RATES: Record<string, string> = {
  eur: "1",
  usd: "0.92",
  gbp: "1.17",
  chf: "1.05",
  jpy: "0.0061",
  pln: "0.23",
  sek: "0.087",
  dkk: "0.134",
  nok: "0.085",
  cad: "0.67",
  aud: "0.6",
  kwd: "3",
  isk: "0.0066",
};

/** Presentment minimums, in minor units (Stripe's published table, for the currencies it lists). */
const MINIMUMS: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, jpy: 50, pln: 200, sek: 300, dkk: 250, nok: 300, cad: 50, aud: 50 };

/** Stripe's pricing for a connected account, in its settlement currency. */
export type Pricing = { percentBps: number; fixed: number };

export const DEFAULT_PRICING: Record<string, Pricing> = {
  eur: { percentBps: 150, fixed: 25 },
  gbp: { percentBps: 150, fixed: 20 },
  usd: { percentBps: 290, fixed: 30 },
  chf: { percentBps: 290, fixed: 30 },
  jpy: { percentBps: 360, fixed: 0 },
};

export const DISPUTE_FEE: Record<string, number> = { eur: 2000, gbp: 2000, usd: 1500, chf: 2000, jpy: 2000 };

export function settlementCurrencyFor(country: string): string {
  const byCountry: Record<string, string> = { GB: "gbp", US: "usd", CH: "chf", JP: "jpy", PL: "pln", SE: "sek", DK: "dkk", NO: "nok", CA: "cad", AU: "aud" };
  return byCountry[country.toUpperCase()] ?? "eur";
}

/** Exact decimal arithmetic on rates: a rate "0.0061" as 61n / 10^4n. */
function rational(rate: string): { num: bigint; den: bigint } {
  const [whole = "0", fraction = ""] = rate.split(".");
  return { num: BigInt(whole + fraction), den: 10n ** BigInt(fraction.length) };
}

function roundHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const q = (2n * a + b) / (2n * b);
  return negative ? -q : q;
}

export class Fx {
  constructor(private readonly eurRates: Record<string, string> = DEFAULT_EUR_RATES) {}

  /** Stripe's exchange rate from presentment to settlement (6 significant decimals), or null. */
  rate(from: string, to: string): string | null {
    if (from === to) return null;
    const a = this.eurRates[from];
    const b = this.eurRates[to];
    if (!a || !b) throw new Error(`The sandbox has no exchange rate for ${from} -> ${to}; configure one.`);
    const ra = rational(a);
    const rb = rational(b);
    // (a / b) rounded to 6 decimals
    const scaled = roundHalfUp(ra.num * rb.den * 1_000_000n, ra.den * rb.num);
    const text = scaled.toString().padStart(7, "0");
    return `${text.slice(0, -6)}.${text.slice(-6)}`.replace(/0+$/, "").replace(/\.$/, "");
  }

  /** Convert minor units of `from` into minor units of `to` at `rate`, rounding half up. */
  convert(amount: number, from: string, to: string): { amount: number; rate: string | null } {
    const rate = this.rate(from, to);
    if (rate === null) return { amount, rate };
    const r = rational(rate);
    const num = BigInt(amount) * r.num * 10n ** BigInt(decimalsOf(to));
    const den = r.den * 10n ** BigInt(decimalsOf(from));
    return { amount: Number(roundHalfUp(num, den)), rate };
  }
}

export function minimumCharge(currency: string): number | null {
  return MINIMUMS[currency] ?? null;
}

/** Stripe's fee on a settled amount: round_half_up(amount * pct) + fixed. */
export function chargeFee(settled: number, pricing: Pricing): number {
  return Number(roundHalfUp(BigInt(settled) * BigInt(pricing.percentBps), 10_000n)) + pricing.fixed;
}

export function formatMinor(amount: number, currency: string): string {
  const decimals = decimalsOf(currency);
  const text = Math.abs(amount)
    .toString()
    .padStart(decimals + 1, "0");
  const value = decimals ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return `${amount < 0 ? "-" : ""}${value} ${currency.toUpperCase()}`;
}
