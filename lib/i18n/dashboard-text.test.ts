// The dashboard reads its words through the message files too (English only for now): the same
// keys, plurals and placeholders as donor pages, through one helper.
import { describe, expect, it } from "vitest";
import { dashboardText } from "./dashboard-text";
import { DASHBOARD_MESSAGES } from "./messages";

describe("dashboardText", () => {
  it("reads the dashboard's English messages, with their placeholders filled", () => {
    const t = dashboardText("dashboard");
    expect(t("nav.overview")).toBe("Overview");
    expect(t("role", { role: "owner" })).toBe("You are owner");
    expect(t("role", { role: "viewer" })).toBe("You are viewer");
  });

  it("counts in English plurals", () => {
    const t = dashboardText("recurringGifts");
    expect(t("installments", { count: 1 })).toBe("1 installment");
    expect(t("installments", { count: 3 })).toBe("3 installments");
  });

  it("registers part A's namespaces as dashboard (English-only) namespaces", () => {
    for (const namespace of ["dashboard", "donations", "donors", "overview", "recurringGifts", "statements", "giftAid", "receiptsAdmin"]) {
      expect(Object.keys(DASHBOARD_MESSAGES), namespace).toContain(namespace);
    }
  });
});
