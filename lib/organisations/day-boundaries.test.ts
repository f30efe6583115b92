import { describe, expect, it } from "vitest";
import { dayIn, isoLocal, nextDay, startOfDay } from "./time-zone";

describe("dates in a time zone", () => {
  it("writes an instant as ISO date and time in the zone", () => {
    const instant = new Date("2026-11-29T23:30:05Z");
    expect(isoLocal(instant, "UTC")).toBe("2026-11-29 23:30:05");
    expect(isoLocal(instant, "Europe/Berlin")).toBe("2026-11-30 00:30:05");
    expect(isoLocal(instant, "America/New_York")).toBe("2026-11-29 18:30:05");
  });

  it("finds when a day starts in the zone, across daylight saving changes", () => {
    expect(startOfDay("2026-11-29", "UTC").toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(startOfDay("2026-11-29", "Europe/Berlin").toISOString()).toBe("2026-11-28T23:00:00.000Z");
    expect(startOfDay("2026-07-01", "Europe/Berlin").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-11-29", "Pacific/Auckland").toISOString()).toBe("2026-11-28T11:00:00.000Z");
  });

  it("reads the day an instant falls on, east and west of UTC", () => {
    const instant = new Date("2026-12-01T23:30:00Z");
    expect(dayIn(instant, "UTC")).toBe("2026-12-01");
    expect(dayIn(instant, "Europe/Berlin")).toBe("2026-12-02");
    expect(dayIn(new Date("2026-12-02T03:00:00Z"), "America/New_York")).toBe("2026-12-01");
    // London's tax year: 23:30 UTC on 5 April is already 6 April in summer time.
    expect(dayIn(new Date("2026-04-05T23:30:00Z"), "Europe/London")).toBe("2026-04-06");
  });

  it("counts days over month and year ends", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
