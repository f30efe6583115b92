// The donor's link to manage a recurring gift without an account: the gift's id and an expiry,
// signed with HMAC-SHA256 under a key derived from AUTH_SECRET for this purpose only. Holding the
// link proves the donor reads the address the receipts go to (docs/recurring.md#manage-links).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

export const MANAGE_LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export type ManageToken = { ok: true; recurringDonationId: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired" };

/** A key of its own, so a manage token can never pass for another signed value of Amply's. */
function key(): Buffer {
  return createHmac("sha256", getEnv().AUTH_SECRET).update("amply:recurring-manage-link:v1").digest();
}

function sign(payload: string): Buffer {
  return createHmac("sha256", key()).update(payload).digest();
}

/** The link for one recurring gift, valid for 30 days from `now`. */
export function manageUrl(recurringDonationId: string, now: Date = new Date()): string {
  const expires = Math.floor((now.getTime() + MANAGE_LINK_LIFETIME_MS) / 1000);
  const payload = Buffer.from(`${recurringDonationId}.${expires}`).toString("base64url");
  const token = `${payload}.${sign(payload).toString("base64url")}`;
  return new URL(`/manage/${token}`, getEnv().APP_URL).toString();
}

/** The token part of a manage link. */
export function tokenOfManageUrl(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").at(-1) ?? "");
}

/** Which gift a token is for, if Amply signed it and it has not expired. */
export function readManageToken(token: string, now: Date = new Date()): ManageToken {
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "invalid" };
  const [payload, signature] = parts as [string, string];
  if (!payload || !/^[A-Za-z0-9_-]+$/.test(signature)) return { ok: false, reason: "invalid" };
  const expected = sign(payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,12})$/.exec(Buffer.from(payload, "base64url").toString("utf8"));
  if (!match) return { ok: false, reason: "invalid" };
  const expiresAt = new Date(Number(match[2]) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, recurringDonationId: match[1] as string, expiresAt };
}
