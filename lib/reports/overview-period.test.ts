import { describe, expect, it } from "vitest";
import { overviewPeriodFrom, presetPeriod } from "./overview-period";

// 23:30 UTC on 31 December 2026 is already 1 January 2027 in Berlin.
const newYearInBerlin = new Date("2026-12-31T23:30:00Z");

describe("the overview's period", () => {
  it("is this year in the organisation's zone by default", () => {
    expect(overviewPeriodFrom({}, newYearInBerlin, "Europe/Berlin")).toEqual({ from: "2027-01-01", to: "2027-01-01", preset: "this-year" });
    expect(overviewPeriodFrom({}, newYearInBerlin, "UTC")).toEqual({ from: "2026-01-01", to: "2026-12-31", preset: "this-year" });
  });

  it("reads the presets by the organisation's calendar", () => {
    const now = new Date("2027-03-15T12:00:00Z");
    expect(presetPeriod("this-month", now, "Europe/Berlin")).toEqual({ from: "2027-03-01", to: "2027-03-15" });
    expect(presetPeriod("last-month", now, "Europe/Berlin")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(presetPeriod("last-month", newYearInBerlin, "Europe/Berlin")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetPeriod("last-12-months", now, "Europe/Berlin")).toEqual({ from: "2026-04-01", to: "2027-03-15" });
  });

  it("takes two calendar days", () => {
    expect(overviewPeriodFrom({ from: "2027-02-01", to: "2027-02-28" }, newYearInBerlin, "Europe/Berlin")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it.each([
    [{ from: "2027-02-30", to: "2027-03-01" }, "The first day is not a date in the calendar."],
    [{ from: "2027-03-01", to: "2027-02-01" }, "The last day must not be before the first."],
    [{ from: "1.3.2027", to: "2027-03-02" }, "Enter the first day as a date, like 2027-01-31."],
    [{ from: "2027-03-01" }, "Enter the last day."],
    [{ from: "2000-01-01", to: "2027-01-01" }, "Choose a period of at most five years."],
    [{ period: "forever" }, "Choose one of the periods offered."],
  ])("refuses %j with a message and shows this year", (query, message) => {
    expect(overviewPeriodFrom(query, newYearInBerlin, "Europe/Berlin")).toEqual({ from: "2027-01-01", to: "2027-01-01", preset: "this-year", error: message });
  });
});
