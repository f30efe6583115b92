// HMRC's Gift Aid schedule as CSV files of at most 1,000 donations each (the schedule takes no
// more), and the adjustments file for gifts refunded after an earlier claim
// (docs/gift-aid.md#the-schedule). Cells a spreadsheet would read as a formula are escaped.
import { stringify } from "csv-stringify/sync";
import { scheduleAmount, scheduleDate, scheduleName, scheduleTitle } from "./schedule-format";

/** The most donation rows one schedule file takes. */
export const ROWS_PER_FILE = 1000;

export const SCHEDULE_COLUMNS = [
  "Title",
  "First name or initial",
  "Last name",
  "House name or number",
  "Postcode",
  "Aggregated donations",
  "Sponsored event",
  "Donation date",
  "Amount",
] as const;

export const ADJUSTMENT_COLUMNS = [
  "Title",
  "First name or initial",
  "Last name",
  "House name or number",
  "Postcode",
  "Donation date",
  "Amount no longer claimable",
] as const;

export type ScheduleRow = {
  title: string;
  firstName: string;
  lastName: string;
  houseNameOrNumber: string;
  postcode: string;
  /** The donation's calendar day, "YYYY-MM-DD". */
  donationDate: string;
  /** Pence. */
  amount: bigint;
};

/** How many files `rowCount` donation rows take (at least one, so an empty period still has its file). */
export function schedulePartCount(rowCount: number): number {
  return Math.max(1, Math.ceil(rowCount / ROWS_PER_FILE));
}

/** Rows of part `part` (1, 2, ...) of a schedule. */
export function schedulePart<T>(rows: readonly T[], part: number): T[] {
  return rows.slice((part - 1) * ROWS_PER_FILE, part * ROWS_PER_FILE);
}

function person(row: ScheduleRow) {
  return [scheduleTitle(row.title), scheduleName(row.firstName), scheduleName(row.lastName), row.houseNameOrNumber.trim(), row.postcode];
}

/** One schedule file: the header and up to 1,000 donations. */
export function scheduleCsv(rows: readonly ScheduleRow[]): string {
  if (rows.length > ROWS_PER_FILE) throw new Error(`A schedule file takes at most ${ROWS_PER_FILE} rows (got ${rows.length}).`);
  return csv([SCHEDULE_COLUMNS, ...rows.map((row) => [...person(row), "", "", scheduleDate(row.donationDate), scheduleAmount(row.amount)])]);
}

/** The gifts claimed earlier and refunded since, with how much of each can no longer be claimed. */
export function adjustmentsCsv(rows: readonly ScheduleRow[]): string {
  return csv([ADJUSTMENT_COLUMNS, ...rows.map((row) => [...person(row), scheduleDate(row.donationDate), scheduleAmount(row.amount)])]);
}

function csv(records: ReadonlyArray<readonly string[]>): string {
  // escape_formulas: a cell starting with = + - @ (or a tab or carriage return) gets a leading
  // apostrophe, so a donor cannot plant a formula in the organisation's spreadsheet.
  return stringify(records as string[][], { escape_formulas: true, record_delimiter: "windows" });
}
