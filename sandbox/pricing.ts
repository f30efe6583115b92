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

/**
 * Value of one unit of each currency in euros: fixed test rates (configurable per sandbox), one for
 * every currency Stripe charges in, so any currency Amply offers converts to any settlement currency.
 */
export const DEFAULT_EUR_RATES: Record<string, string> = {
  eur: "1",
  aed: "0.250511",
  afn: "0.0131429",
  all: "0.01",
  amd: "0.00235897",
  ang: "0.513966",
  aoa: "0.00100546",
  ars: "0.00092",
  aud: "0.6",
  awg: "0.513966",
  azn: "0.541176",
  bam: "0.511111",
  bbd: "0.46",
  bdt: "0.00766667",
  bgn: "0.511111",
  bhd: "2.44681",
  bif: "0.000317241",
  bmd: "0.92",
  bnd: "0.686567",
  bob: "0.133140",
  brl: "0.167273",
  bsd: "0.92",
  bwp: "0.0681481",
  byn: "0.281346",
  bzd: "0.46",
  cad: "0.67",
  cdf: "0.000322807",
  chf: "1.05",
  clp: "0.000968421",
  cny: "0.127778",
  cop: "0.00023",
  crc: "0.00180392",
  cve: "0.00910891",
  czk: "0.04",
  djf: "0.00516854",
  dkk: "0.134",
  dop: "0.0153333",
  dzd: "0.00686567",
  egp: "0.0189691",
  etb: "0.00766667",
  fjd: "0.408889",
  fkp: "1.16456",
  gbp: "1.17",
  gel: "0.340741",
  gip: "1.16456",
  gmd: "0.0131429",
  gnf: "0.000106977",
  gtq: "0.118710",
  gyd: "0.00440191",
  hkd: "0.117949",
  hnl: "0.0368",
  htg: "0.00702290",
  huf: "0.00255556",
  idr: "0.0000575",
  ils: "0.248649",
  inr: "0.0109524",
  isk: "0.0066",
  jmd: "0.00585987",
  jod: "1.29760",
  jpy: "0.0061",
  kes: "0.00713178",
  kgs: "0.0105747",
  khr: "0.000227160",
  kmf: "0.00204444",
  krw: "0.000666667",
  kwd: "3",
  kyd: "1.10843",
  kzt: "0.00191667",
  lak: "0.0000420091",
  lbp: "0.0000102793",
  lkr: "0.00306667",
  lrd: "0.00484211",
  lsl: "0.0511111",
  mad: "0.0929293",
  mdl: "0.0516854",
  mga: "0.0002",
  mkd: "0.0162832",
  mmk: "0.000438095",
  mnt: "0.000270588",
  mop: "0.114286",
  mur: "0.02",
  mvr: "0.0597403",
  mwk: "0.000530259",
  mxn: "0.0497297",
  myr: "0.209091",
  mzn: "0.0143975",
  nad: "0.0511111",
  ngn: "0.000593548",
  nio: "0.025",
  nok: "0.085",
  npr: "0.00681481",
  nzd: "0.547619",
  omr: "2.38961",
  pab: "0.92",
  pen: "0.245333",
  pgk: "0.232911",
  php: "0.0161404",
  pkr: "0.00328571",
  pln: "0.23",
  pyg: "0.000117949",
  qar: "0.252747",
  ron: "0.2",
  rsd: "0.00851852",
  rub: "0.00968421",
  rwf: "0.000657143",
  sar: "0.245333",
  sbd: "0.109524",
  scr: "0.0666667",
  sek: "0.087",
  sgd: "0.686567",
  shp: "1.16456",
  sle: "0.0408889",
  sos: "0.00161121",
  srd: "0.0262857",
  std: "0.0000408889",
  szl: "0.0511111",
  thb: "0.0270588",
  tjs: "0.0844037",
  tnd: "0.296774",
  top: "0.391489",
  try: "0.0270588",
  ttd: "0.135294",
  twd: "0.02875",
  tzs: "0.000340741",
  uah: "0.0224390",
  ugx: "0.000248649",
  usd: "0.92",
  uyu: "0.023",
  uzs: "0.000071875",
  vnd: "0.0000368",
  vuv: "0.00773109",
  wst: "0.334545",
  xaf: "0.00153333",
  xcd: "0.340741",
  xof: "0.00153333",
  xpf: "0.00844037",
  yer: "0.00368",
  zar: "0.0511111",
  zmw: "0.0347170",
};

/** Presentment minimums Stripe publishes, in minor units. */
const PUBLISHED_MINIMUMS: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

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
  private readonly eurRates: Record<string, string>;

  constructor(eurRates: Record<string, string> = {}) {
    this.eurRates = { ...DEFAULT_EUR_RATES, ...eurRates };
  }

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

/**
 * Stripe's minimum charge in `currency`, in minor units: its published figure, else the equivalent
 * of 0.50 USD at the day's rate, rounded up to what the currency can charge (whole units for ISK,
 * steps of 10 for three-decimal currencies).
 */
export function minimumCharge(currency: string, fx: Fx): number {
  const published = PUBLISHED_MINIMUMS[currency];
  if (published !== undefined) return published;
  const step = currency === "isk" ? 100 : decimalsOf(currency) === 3 ? 10 : 1;
  const converted = fx.convert(50, "usd", currency).amount;
  return Math.max(step, Math.ceil(converted / step) * step);
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
