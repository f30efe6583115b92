import { describe, expect, it } from "vitest";
import { normaliseUkPostcode } from "./postcode";
import { dayIn, nextDay, startOfDay } from "@/lib/organisations/time-zone";
import { scheduleAmount, scheduleDate, scheduleName, scheduleTitle, ukTaxYearOf } from "./schedule-format";

const LONDON = "Europe/London";

describe("UK postcodes", () => {
  it.each([
    ["sw1a1aa", "SW1A 1AA"],
    [" Sw1A  1aA ", "SW1A 1AA"],
    ["s192bd", "S19 2BD"],
    ["M1 1AE", "M1 1AE"],
    ["b338th", "B33 8TH"],
    ["cr26xh", "CR2 6XH"],
    ["dn551pt", "DN55 1PT"],
    ["W1A 0AX", "W1A 0AX"],
    ["gir0aa", "GIR 0AA"],
  ])("%j -> %j", (typed, normalised) => expect(normaliseUkPostcode(typed)).toBe(normalised));

  it.each(["", "X", "12345", "SW1A", "SW1A 1A", "SW1A 1AAA", "1SW 1AA", "SW1A-1AA", "=SUM(A1)", "10115"])("refuses %j", (typed) =>
    expect(normaliseUkPostcode(typed)).toBeNull(),
  );
});

describe("names for the schedule", () => {
  it("keeps names up to 35 characters and cuts longer ones", () => {
    expect(scheduleName("A".repeat(35))).toBe("A".repeat(35));
    expect(scheduleName("B".repeat(40))).toBe("B".repeat(35));
  });

  it("writes a double-barrelled name with a space, and collapses spaces", () => {
    expect(scheduleName("House-Martin")).toBe("House Martin");
    expect(scheduleName("  Anne   Marie  ")).toBe("Anne Marie");
  });

  it("never cuts a character in half, nor leaves a trailing space", () => {
    expect(scheduleName(`${"é".repeat(34)}😀x`)).toBe(`${"é".repeat(34)}😀`);
    expect(scheduleName(`${"a".repeat(34)} b`)).toBe("a".repeat(34));
  });

  it("takes titles of at most 4 characters, without full stops", () => {
    expect(scheduleTitle("Prof.")).toBe("Prof");
    expect(scheduleTitle("Reverend")).toBe("Reve");
    expect(scheduleTitle(null)).toBe("");
  });
});

describe("dates for the schedule", () => {
  it("formats DD/MM/YY", () => expect(scheduleDate("2027-04-05")).toBe("05/04/27"));

  it("takes the day in London: just after midnight in summer time is the next day", () => {
    // 23:30 UTC on 5 April 2026 is 00:30 BST on 6 April: the first day of the tax year.
    expect(dayIn(new Date("2026-04-05T23:30:00Z"), LONDON)).toBe("2026-04-06");
    expect(dayIn(new Date("2026-04-05T22:59:59Z"), LONDON)).toBe("2026-04-05");
    // In winter London is on UTC.
    expect(dayIn(new Date("2026-12-31T23:30:00Z"), LONDON)).toBe("2026-12-31");
  });

  it("finds the UK tax year across its boundary", () => {
    expect(ukTaxYearOf(new Date("2026-04-05T22:59:59Z"), LONDON)).toEqual({ start: "2025-04-06", end: "2026-04-05" });
    expect(ukTaxYearOf(new Date("2026-04-05T23:00:00Z"), LONDON)).toEqual({ start: "2026-04-06", end: "2027-04-05" });
    expect(ukTaxYearOf(new Date("2027-01-15T12:00:00Z"), LONDON)).toEqual({ start: "2026-04-06", end: "2027-04-05" });
  });

  it("starts a day at local midnight, in summer and in winter time", () => {
    expect(startOfDay("2026-04-06", LONDON).toISOString()).toBe("2026-04-05T23:00:00.000Z");
    expect(startOfDay("2026-12-01", LONDON).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    // The days the clocks change: 29 March and 25 October 2026.
    expect(startOfDay("2026-03-29", LONDON).toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(startOfDay("2026-03-30", LONDON).toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(startOfDay("2026-10-25", LONDON).toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(startOfDay("2026-10-26", LONDON).toISOString()).toBe("2026-10-26T00:00:00.000Z");
    expect(startOfDay("2026-04-06", "UTC").toISOString()).toBe("2026-04-06T00:00:00.000Z");
  });

  it("counts to the next day across months and years", () => {
    expect(nextDay("2027-04-05")).toBe("2027-04-06");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});

describe("amounts for the schedule", () => {
  it.each([
    [20000n, "200.00"],
    [1n, "0.01"],
    [1050n, "10.50"],
    [123456789n, "1234567.89"],
    [0n, "0.00"],
    [-250n, "-2.50"],
  ])("%s pence -> %j", (pence, text) => expect(scheduleAmount(pence)).toBe(text));
});
