// Step 3 of a new donation: card-testing protection. A client gets a few attempts; only attempts
// that pass the client's limit and the bot check (Turnstile, when configured) count toward the
// organisation's limit, so one client hammering can never close an organisation's donations.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { rateLimitSource } from "@/lib/http/client-address";
import { hit, type LimitResult } from "@/lib/rate-limit/rate-limit";
import { turnstileEnabled, verifyTurnstile } from "./turnstile";

/**
 * New attempts per client (an IPv4 address or an IPv6 /64; DONATION_ATTEMPTS_PER_CLIENT, 10 unless
 * set) and per organisation, per 10 minutes.
 */
export const LIMITS = {
  perClient: { windowSeconds: 10 * 60 },
  perOrganisation: { max: 600, windowSeconds: 10 * 60 },
};

function tooMany(limited: Extract<LimitResult, { allowed: false }>, locale: Locale) {
  const minutes = Math.ceil(limited.retryAfterSeconds / 60);
  return new ApiError("rate_limited", translator(locale, "give")("refusals.tooMany", { minutes }), {
    headers: { "Retry-After": String(limited.retryAfterSeconds) },
  });
}

/** Refuses an attempt over the limits or failing the bot check, in the donor's language (`locale`). */
export async function guardDonationAttempt(organisationId: string, clientAddress: string, turnstileToken: string | undefined, locale: Locale = DEFAULT_LOCALE) {
  const client = await hit({ key: `donations:client:${rateLimitSource(clientAddress)}`, max: getEnv().DONATION_ATTEMPTS_PER_CLIENT, ...LIMITS.perClient });
  if (!client.allowed) throw tooMany(client, locale);
  if (turnstileEnabled() && !(await verifyTurnstile(turnstileToken, clientAddress === "unknown" ? null : clientAddress))) {
    throw new ApiError("forbidden", translator(locale, "give")("refusals.notAPerson"));
  }
  const organisation = await hit({ key: `donations:org:${organisationId}`, ...LIMITS.perOrganisation });
  if (!organisation.allowed) throw tooMany(organisation, locale);
}
