import { describe, expect, it } from "vitest";
import { startOfDay } from "@/lib/organisations/time-zone";
import { campaignTiming } from "./calendar";

describe("campaignTiming", () => {
  // A campaign running 1 to 10 December in UTC: endsAt is the start of 11 December.
  const startsAt = new Date("2026-12-01T00:00:00Z");
  const endsAt = new Date("2026-12-11T00:00:00Z");

  it("counts the days left including today, the last day being the one before endsAt", () => {
    expect(campaignTiming({ startsAt, endsAt, active: true }, new Date("2026-12-01T12:00:00Z"), "UTC")).toEqual({ state: "running", daysLeft: 10 });
    expect(campaignTiming({ startsAt, endsAt, active: true }, new Date("2026-12-10T23:59:59Z"), "UTC")).toEqual({ state: "running", daysLeft: 1 });
  });

  it("is ended from endsAt on, or once archived, and not started before startsAt", () => {
    expect(campaignTiming({ startsAt, endsAt, active: true }, endsAt, "UTC")).toEqual({ state: "ended" });
    expect(campaignTiming({ startsAt, endsAt, active: false }, new Date("2026-12-05T00:00:00Z"), "UTC")).toEqual({ state: "ended" });
    expect(campaignTiming({ startsAt, endsAt, active: true }, new Date("2026-11-30T23:59:59Z"), "UTC")).toEqual({
      state: "not_started",
      startsOn: "2026-12-01",
    });
  });

  it("has no days left without an end date", () => {
    expect(campaignTiming({ startsAt: null, endsAt: null, active: true }, new Date(), "UTC")).toEqual({ state: "running", daysLeft: null });
  });

  it("counts calendar days in the organisation's zone", () => {
    // 23:30 UTC on 9 December is already 10 December in Berlin: the last day, there.
    const berlinEnd = startOfDay("2026-12-11", "Europe/Berlin");
    expect(campaignTiming({ startsAt: null, endsAt: berlinEnd, active: true }, new Date("2026-12-09T23:30:00Z"), "Europe/Berlin")).toEqual({
      state: "running",
      daysLeft: 1,
    });
  });
});
