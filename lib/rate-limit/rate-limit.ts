// Fixed-window counters in PostgreSQL, shared by every app instance (card-testing protection must
// hold across instances and restarts, so not in process memory).
import "server-only";
import { db } from "@/lib/db/client";

export type Limit = { key: string; max: number; windowSeconds: number };
export type LimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Count one hit against `limit`; refused once the window holds more than `max`. Callers check
 * limits one at a time and stop at the first refusal, so a refused request never counts against
 * a wider limit (one client hammering cannot fill an organisation's bucket).
 */
export async function hit(limit: Limit, now = Date.now()): Promise<LimitResult> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitBucket" (key, "windowStart", count) VALUES (${limit.key}, ${windowStart}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitBucket".count + 1
    RETURNING count`;
  if ((row?.count ?? 0) <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now) / 1000) };
}

/** Old windows are of no use: the worker clears them with the other housekeeping. */
export async function purgeRateLimits(now = Date.now()) {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now - 24 * 60 * 60_000) } } });
  return count;
}
