import { describe, expect, it } from "vitest";
import { adjustmentsCsv, ROWS_PER_FILE, scheduleCsv, schedulePart, schedulePartCount, type ScheduleRow } from "./schedule-csv";

const row = (change: Partial<ScheduleRow> = {}): ScheduleRow => ({
  title: "Dr",
  firstName: "Ada",
  lastName: "Lovelace",
  houseNameOrNumber: "12",
  postcode: "SW1A 1AA",
  donationDate: "2026-05-01",
  amount: 2550n,
  ...change,
});

describe("the schedule file", () => {
  it("has HMRC's columns and one line per donation", () => {
    const lines = scheduleCsv([row()]).split("\r\n");
    expect(lines[0]).toBe("Title,First name or initial,Last name,House name or number,Postcode,Aggregated donations,Sponsored event,Donation date,Amount");
    expect(lines[1]).toBe("Dr,Ada,Lovelace,12,SW1A 1AA,,,01/05/26,25.50");
  });

  it("escapes text a spreadsheet would run as a formula", () => {
    const line = scheduleCsv([row({ firstName: '=HYPERLINK("http://x")', lastName: "+1", houseNameOrNumber: "@SUM(A1)", title: "=1" })]).split("\r\n")[1];
    expect(line).toBe(`'=1,"'=HYPERLINK(""http://x"")",'+1,'@SUM(A1),SW1A 1AA,,,01/05/26,25.50`);
  });

  it("quotes commas, quotes and line breaks", () => {
    const line = scheduleCsv([row({ houseNameOrNumber: 'The "Old", Mill\nHouse' })])
      .split("\r\n")
      .slice(1)
      .join("\r\n");
    expect(line).toBe('Dr,Ada,Lovelace,"The ""Old"", Mill\nHouse",SW1A 1AA,,,01/05/26,25.50\r\n');
  });

  it("cuts names to HMRC's limits", () => {
    const line = scheduleCsv([row({ title: "Professor", firstName: "F".repeat(50), lastName: "Smith-Jones" })]).split("\r\n")[1];
    expect(line).toBe(`Prof,${"F".repeat(35)},Smith Jones,12,SW1A 1AA,,,01/05/26,25.50`);
  });

  it("refuses more than 1,000 rows in one file", () => {
    expect(() => scheduleCsv(Array.from({ length: ROWS_PER_FILE + 1 }, () => row()))).toThrow(/at most 1000/);
  });
});

describe("splitting into files of 1,000 rows", () => {
  it.each([
    [0, 1],
    [1, 1],
    [1000, 1],
    [1001, 2],
    [2500, 3],
  ])("%i rows take %i files", (rows, files) => expect(schedulePartCount(rows)).toBe(files));

  it("puts each row in exactly one part, in order", () => {
    const rows = Array.from({ length: 2001 }, (_, index) => index);
    const parts = [1, 2, 3].map((part) => schedulePart(rows, part));
    expect(parts.map((part) => part.length)).toEqual([1000, 1000, 1]);
    expect(parts.flat()).toEqual(rows);
  });
});

describe("the adjustments file", () => {
  it("lists what can no longer be claimed", () => {
    const lines = adjustmentsCsv([row({ amount: 1000n })]).split("\r\n");
    expect(lines[0]).toBe("Title,First name or initial,Last name,House name or number,Postcode,Donation date,Amount no longer claimable");
    expect(lines[1]).toBe("Dr,Ada,Lovelace,12,SW1A 1AA,01/05/26,10.00");
  });
});
