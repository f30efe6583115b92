// The donor's link to manage a recurring gift (/manage/<token>): the gift's id and an expiry,
// signed with AUTH_SECRET, valid for 30 days. Built from APP_URL only, never from a request.
import "server-only";
import { createHmac } from "node:crypto";
import { getEnv } from "@/lib/env";

const VALID_MS = 30 * 24 * 60 * 60 * 1000;

export function manageUrl(recurringDonationId: string, now: Date = new Date()): string {
  const expires = Math.floor((now.getTime() + VALID_MS) / 1000);
  const payload = `${recurringDonationId}.${expires}`;
  const signature = createHmac("sha256", getEnv().AUTH_SECRET).update(payload).digest("base64url");
  return new URL(`/manage/${payload}.${signature}`, getEnv().APP_URL).toString();
}
