import { describe, expect, it } from "vitest";
import { isoLocal, nextDay, startOfDay } from "./zoned-time";

describe("dates in a time zone", () => {
  it("writes an instant as ISO date and time in the zone", () => {
    const instant = new Date("2026-11-29T23:30:05Z");
    expect(isoLocal(instant)).toBe("2026-11-29 23:30:05");
    expect(isoLocal(instant, "Europe/Berlin")).toBe("2026-11-30 00:30:05");
    expect(isoLocal(instant, "America/New_York")).toBe("2026-11-29 18:30:05");
  });

  it("finds when a day starts in the zone, across daylight saving changes", () => {
    expect(startOfDay("2026-11-29").toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(startOfDay("2026-11-29", "Europe/Berlin").toISOString()).toBe("2026-11-28T23:00:00.000Z");
    expect(startOfDay("2026-07-01", "Europe/Berlin").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay("2026-11-29", "Pacific/Auckland").toISOString()).toBe("2026-11-28T11:00:00.000Z");
  });

  it("counts days over month and year ends", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});
