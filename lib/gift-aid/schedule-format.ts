// The values of HMRC's Gift Aid schedule columns (docs/gift-aid.md#the-schedule): names of at most
// 35 characters (a title at most 4), dates as DD/MM/YY in the organisation's time zone, amounts in
// pounds with two decimals and no symbol, and the UK tax year (6 April to 5 April).
import { dayIn } from "@/lib/organisations/time-zone";

export const TITLE_MAX_LENGTH = 4;
export const NAME_MAX_LENGTH = 35;

/**
 * A name for the schedule: spaces collapsed, a double-barrelled name with a space instead of the
 * hyphen (as HMRC asks), cut to `max` characters (whole code points, never half a character) and
 * trimmed again.
 */
export function scheduleName(text: string, max = NAME_MAX_LENGTH): string {
  const plain = text.replace(/-/g, " ").replace(/\s+/g, " ").trim();
  return Array.from(plain).slice(0, max).join("").trim();
}

/** A title (Mr, Dr, Prof...) for the schedule, at most 4 characters, without a final full stop. */
export function scheduleTitle(text: string | null): string {
  return scheduleName((text ?? "").replace(/\./g, ""), TITLE_MAX_LENGTH);
}

/** "2026-04-06" -> "06/04/26", the schedule's date format. */
export function scheduleDate(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year?.slice(-2)}`;
}

/** Pence -> "12.34": two decimals, no symbol, no thousands separator. */
export function scheduleAmount(pence: bigint): string {
  const sign = pence < 0n ? "-" : "";
  const abs = pence < 0n ? -pence : pence;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** The UK tax year `instant` falls in, as calendar days: 6 April to 5 April of the next year. */
export function ukTaxYearOf(instant: Date, timeZone: string): { start: string; end: string } {
  const day = dayIn(instant, timeZone);
  const year = Number(day.slice(0, 4));
  const startYear = day >= `${year}-04-06` ? year : year - 1;
  return { start: `${startYear}-04-06`, end: `${startYear + 1}-04-05` };
}
