import "server-only";
import { stringify } from "csv-stringify/sync";
import { TRANSACTION_COLUMNS, type TransactionReport, type TransactionRow } from "./transaction-report";

/** How many rows go out in one chunk: one Stripe page. */
const CHUNK = 100;

/**
 * A text cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage return before
 * one) is prefixed with an apostrophe, which Excel and LibreOffice show as text. Number cells are
 * never passed here, so "-12.50" stays a number.
 */
export function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRecord(row: TransactionRow): string[] {
  return TRANSACTION_COLUMNS.map((column) => (column.numeric ? row[column.key] : textCell(row[column.key])));
}

/** Rows taken from the report only as fast as the client reads them: memory holds one chunk. */
function pulled(report: TransactionReport, encode: (rows: TransactionRow[], first: boolean) => string, end: string) {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows: TransactionRow[] = [];
      while (rows.length < CHUNK) {
        const next = await report.rows.next();
        if (next.done) break;
        rows.push(next.value);
      }
      const done = rows.length < CHUNK;
      const text = encode(rows, first) + (done ? end : "");
      first = false;
      if (text) controller.enqueue(encoder.encode(text));
      if (done) controller.close();
    },
    async cancel() {
      await report.rows.return(undefined);
    },
  });
}

/** The CSV (docs/reports.md#transaction-report): UTF-8 with a byte order mark, a header row, CRLF lines. */
export function transactionCsv(report: TransactionReport): ReadableStream<Uint8Array> {
  return pulled(
    report,
    (rows, first) =>
      stringify(rows.map(csvRecord), {
        bom: first,
        header: first,
        columns: TRANSACTION_COLUMNS.map((column) => column.header),
        record_delimiter: "windows",
      }),
    "",
  );
}

/** The same as JSON, written as it is read: `{ "unreadableAccounts": [...], "rows": [...] }`. */
export function transactionJson(report: TransactionReport): ReadableStream<Uint8Array> {
  return pulled(
    report,
    (rows, first) => {
      const body = rows.map((row) => JSON.stringify(row)).join(",");
      const head = first ? `{"unreadableAccounts":${JSON.stringify(report.unreadableAccounts)},"rows":[` : "";
      return head + (!first && body ? "," : "") + body;
    },
    "]}",
  );
}
