import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MANAGE_LINK_LIFETIME_MS, manageUrl, readManageToken, tokenOfManageUrl } from "./manage-link";

const NOW = new Date("2026-12-01T10:00:00Z");
const DAY = 86_400_000;

function tokenFor(id: string, now = NOW) {
  return tokenOfManageUrl(manageUrl(id, now));
}

describe("manage links", () => {
  it("builds the link from APP_URL and reads its gift back until it expires after 30 days", () => {
    const url = manageUrl("rd_123", NOW);
    expect(url.startsWith("http://localhost:3000/manage/")).toBe(true);
    expect(MANAGE_LINK_LIFETIME_MS).toBe(30 * DAY);
    const token = tokenOfManageUrl(url);
    expect(readManageToken(token, new Date(NOW.getTime() + 30 * DAY - 1000))).toEqual({
      ok: true,
      recurringDonationId: "rd_123",
      expiresAt: new Date(NOW.getTime() + 30 * DAY),
    });
    expect(readManageToken(token, new Date(NOW.getTime() + 30 * DAY))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token whose gift id, expiry or signature was changed", () => {
    const token = tokenFor("rd_123");
    const [payload, signature] = token.split(".") as [string, string];
    const decoded = Buffer.from(payload, "base64url").toString("utf8");
    const otherGift = Buffer.from(decoded.replace("rd_123", "rd_124")).toString("base64url");
    const later = Buffer.from(decoded.replace(/\d+$/, (value) => String(Number(value) + 365 * 86_400))).toString("base64url");
    expect(readManageToken(`${otherGift}.${signature}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(readManageToken(`${later}.${signature}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    const flipped = signature.slice(0, -1) + (signature.endsWith("A") ? "B" : "A");
    expect(readManageToken(`${payload}.${flipped}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(readManageToken(`${payload}.${signature.slice(0, 10)}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    for (const junk of ["", ".", "abc", `${payload}.`, `.${signature}`, `${payload}.${signature}.x`]) {
      expect(readManageToken(junk, NOW)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("refuses a token signed with another key (AUTH_SECRET itself, or another secret)", () => {
    const [payload] = tokenFor("rd_123").split(".") as [string];
    for (const key of [String(process.env.AUTH_SECRET), "another-secret-that-is-at-least-thirty-two-chars"]) {
      const forged = createHmac("sha256", key).update(payload).digest("base64url");
      expect(readManageToken(`${payload}.${forged}`, NOW)).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("gives each gift its own token", () => {
    expect(tokenFor("rd_1")).not.toBe(tokenFor("rd_2"));
  });
});
