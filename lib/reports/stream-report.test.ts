import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { textCell, transactionCsv, transactionJson } from "./stream-report";
import { TRANSACTION_COLUMNS, type TransactionReport, type TransactionRow } from "./transaction-report";

const blank = Object.fromEntries(TRANSACTION_COLUMNS.map((column) => [column.key, ""])) as TransactionRow;

function reportOf(rows: TransactionRow[]): TransactionReport {
  async function* generate() {
    for (const row of rows) yield await Promise.resolve(row);
  }
  return { unreadableAccounts: [], rows: generate(), requests: () => 1, stripeMs: () => 0 };
}

const read = async (stream: ReadableStream<Uint8Array>) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));

describe("text cells", () => {
  it("prefix what a spreadsheet would run as a formula, and nothing else", () => {
    for (const value of ["=1+1", "+44 20", "-12.50", "@SUM(A1)", "\t=x", "\r=x"]) expect(textCell(value)).toBe(`'${value}`);
    for (const value of ["Ada", "12.50", "", " =x", "'quoted"]) expect(textCell(value)).toBe(value);
  });
});

describe("the CSV stream", () => {
  it("writes numbers as numbers (negative too) and escapes text, with one BOM and one header across chunks", async () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ ...blank, chargeId: `ch_${i}`, net: "-12.50", donor: "-Bob", fund: "=cmd|' /C calc'!A0" }));
    const text = await read(transactionCsv(reportOf(rows)));
    expect(text.startsWith("\ufeffCreated,Charge,")).toBe(true);
    expect(text.split("\ufeff")).toHaveLength(2);
    expect(text.match(/Created,Charge,/g)).toHaveLength(1);
    expect(text).toContain("\r\n");
    const records = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(records).toHaveLength(250);
    expect(records[0]).toMatchObject({ Charge: "ch_0", Net: "-12.50", Donor: "'-Bob", Fund: "'=cmd|' /C calc'!A0" });
    expect(records.at(-1)?.Charge).toBe("ch_249");
  });

  it("has its header even without rows", async () => {
    expect(await read(transactionCsv(reportOf([])))).toBe(`\ufeff${TRANSACTION_COLUMNS.map((column) => column.header).join(",")}\r\n`);
  });

  it("as JSON, is one valid document whatever the number of chunks", async () => {
    for (const count of [0, 1, 100, 101, 250]) {
      const rows = Array.from({ length: count }, (_, i) => ({ ...blank, chargeId: `ch_${i}` }));
      const body = JSON.parse(await read(transactionJson(reportOf(rows)))) as { rows: TransactionRow[] };
      expect(body.rows.map((row) => row.chargeId)).toEqual(rows.map((row) => row.chargeId));
    }
  });
});
