// What an operator sees of, and does with, the webhook inbox: `/api/health/webhooks` and
// `npm run webhooks -- status | retry <event id> | retry-failed` (docs/stripe.md#webhook-inbox).
import "server-only";
import { db } from "@/lib/db/client";

export type InboxStatus = {
  /** Events waiting to be applied (due now or retrying later). */
  backlog: number;
  /** Age in seconds of the oldest event still waiting; 0 when none is. */
  oldestPendingSeconds: number;
  /** Events retried at least once and still waiting. */
  retrying: number;
  /** Events given up on, waiting for `retry`. */
  failed: number;
  /** The most recent failures, for a first look. */
  recentFailures: { id: string; type: string; attempts: number; outcome: string | null }[];
};

export async function inboxStatus(): Promise<InboxStatus> {
  const [counts] = await db.$queryRaw<{ backlog: bigint; retrying: bigint; failed: bigint; oldest: number | null }[]>`
    SELECT count(*) FILTER (WHERE state = 'pending') AS backlog,
           count(*) FILTER (WHERE state = 'pending' AND attempts > 0 AND "leaseOwner" IS NULL) AS retrying,
           count(*) FILTER (WHERE state = 'failed') AS failed,
           EXTRACT(EPOCH FROM (NOW() - min("receivedAt") FILTER (WHERE state = 'pending')))::float8 AS oldest
    FROM "StripeEvent" WHERE state IN ('pending', 'failed')`;
  const recentFailures = await db.stripeEvent.findMany({
    where: { state: "failed" },
    orderBy: { receivedAt: "desc" },
    take: 10,
    select: { id: true, type: true, attempts: true, outcome: true },
  });
  return {
    backlog: Number(counts?.backlog ?? 0),
    oldestPendingSeconds: Math.max(0, Math.round(counts?.oldest ?? 0)),
    retrying: Number(counts?.retrying ?? 0),
    failed: Number(counts?.failed ?? 0),
    recentFailures,
  };
}

/** Back in the queue, due now, with a fresh count of attempts. */
const requeued = () => ({ state: "pending", attempts: 0, nextAttemptAt: new Date(), leaseOwner: null, leaseUntil: null }) as const;

/** Apply an event again at once: a parked failure, or a pending one waiting for its next attempt. */
export async function retryEvent(id: string): Promise<boolean> {
  const { count } = await db.stripeEvent.updateMany({
    where: { id, state: { in: ["failed", "pending"] } },
    data: requeued(),
  });
  return count === 1;
}

/** Every parked failure back in the queue; how many. */
export async function retryFailed(): Promise<number> {
  const { count } = await db.stripeEvent.updateMany({
    where: { state: "failed" },
    data: requeued(),
  });
  return count;
}
