import { describe, expect, it } from "vitest";
import { calendarDate, defaultTimeZone, formatDate, isTimeZone } from "./time-zone";

describe("dating an instant in the organisation's time zone", () => {
  it("puts a gift just after midnight in Berlin on that day and in that tax year, not on the UTC one", () => {
    const instant = new Date("2026-12-31T23:30:00Z");
    expect(calendarDate(instant, "Europe/Berlin")).toEqual({ year: 2027, month: 1, day: 1 });
    expect(calendarDate(instant, "UTC")).toEqual({ year: 2026, month: 12, day: 31 });
    expect(formatDate(instant, "Europe/Berlin")).toBe("1 January 2027");
    expect(formatDate(instant, "America/New_York")).toBe("31 December 2026");
  });

  it("follows daylight saving time (the offset is the zone's on that day, not today's)", () => {
    // 22:30 UTC is 00:30 the next day in Berlin in summer (UTC+2), 23:30 the same day in winter (UTC+1).
    expect(calendarDate(new Date("2026-07-14T22:30:00Z"), "Europe/Berlin")).toEqual({ year: 2026, month: 7, day: 15 });
    expect(calendarDate(new Date("2026-01-14T22:30:00Z"), "Europe/Berlin")).toEqual({ year: 2026, month: 1, day: 14 });
  });

  it("accepts only IANA zone names the runtime knows", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Asia/Kolkata")).toBe(true);
    expect(isTimeZone("Europe/Atlantis")).toBe(false);
    expect(isTimeZone("+02:00")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("defaults to the zone of a country with one, and to UTC where a country has several", () => {
    expect(defaultTimeZone("DE")).toBe("Europe/Berlin");
    expect(defaultTimeZone("GB")).toBe("Europe/London");
    expect(defaultTimeZone("US")).toBe("UTC");
    expect(defaultTimeZone("AU")).toBe("UTC");
    expect(defaultTimeZone("ZZ")).toBe("UTC");
  });
});
