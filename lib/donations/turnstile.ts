// Cloudflare Turnstile, when configured (TURNSTILE_SITE_KEY + TURNSTILE_SECRET_KEY): a bot check on
// donation creation, against card testing. The verify URL is configurable so tests can stand in.
import "server-only";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";

export function turnstileEnabled(): boolean {
  return Boolean(getEnv().TURNSTILE_SECRET_KEY);
}

export async function verifyTurnstile(token: string | undefined, remoteIp: string | null): Promise<boolean> {
  const env = getEnv();
  if (!env.TURNSTILE_SECRET_KEY) return true;
  if (!token) return false;
  const body = new URLSearchParams({ secret: env.TURNSTILE_SECRET_KEY, response: token });
  if (remoteIp) body.set("remoteip", remoteIp);
  try {
    const response = await fetch(env.TURNSTILE_VERIFY_URL, { method: "POST", body, signal: AbortSignal.timeout(5_000) });
    const result = (await response.json()) as { success?: boolean; "error-codes"?: string[] };
    if (!result.success) log.warn("turnstile refused", { codes: result["error-codes"] ?? [] });
    return result.success === true;
  } catch (error) {
    // Fail closed: without the check, card testers would get through.
    log.error("turnstile verification failed", { error });
    return false;
  }
}
