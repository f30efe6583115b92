// Waking the inbox worker when an event is recorded (docs/stripe.md#webhook-inbox). Workers in
// this process hear an in-process signal at once; workers elsewhere hear a PostgreSQL NOTIFY,
// sent at most once per 100 ms per process because NOTIFY takes a cluster-wide lock at commit.
// On the embedded database (one shared session, where LISTEN excludes nothing) only the
// in-process signal is used. Polling catches anything a lost signal misses.
import "server-only";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { sharedPool } from "@/lib/db/sql";

export const INBOX_CHANNEL = "amply_stripe_events";
const NOTIFY_EVERY_MS = 100;

// On globalThis: Next.js may load this module more than once in one process (route handlers and
// instrumentation are bundled separately), and the worker must hear every copy.
const state = globalThis as unknown as { amplyInboxListeners?: Set<() => void>; amplyInboxNotify?: { last: number; timer?: NodeJS.Timeout } };
const listeners = (state.amplyInboxListeners ??= new Set<() => void>());
const notify = (state.amplyInboxNotify ??= { last: 0 });

export function onInboxWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeInbox() {
  for (const listener of listeners) listener();
  if (getEnv().AMPLY_EMBEDDED_DATABASE || notify.timer) return;
  const wait = Math.max(0, notify.last + NOTIFY_EVERY_MS - Date.now());
  notify.timer = setTimeout(() => {
    notify.timer = undefined;
    notify.last = Date.now();
    sharedPool()
      .query(`NOTIFY ${INBOX_CHANNEL}`)
      .catch((error: unknown) => log.warn("inbox notify failed; the worker's polling will pick the event up", { error: String(error) }));
  }, wait);
  notify.timer.unref();
}
