// The re-sync loop (docs/stripe.md#re-sync): in `npm run worker`, and in-process where the outbox
// and inbox workers run there. Its own loop, not the outbox's: a slow Stripe listing must never
// hold up mail. Each turn works a few pages of one run, so several runs share the worker; every
// ten minutes it queues the day's runs.
import "server-only";
import { log } from "@/lib/logger";
import { processResyncRuns } from "./process-resync-runs";
import { scheduleDailyResyncs } from "./schedule-daily-resyncs";

export type ResyncWorker = { stop: () => Promise<void> };

const globalForWorker = globalThis as unknown as { amplyResyncWorker?: ResyncWorker };

export function startResyncWorker(options: { pollMs?: number; scheduleEveryMs?: number } = {}): ResyncWorker {
  if (globalForWorker.amplyResyncWorker) return globalForWorker.amplyResyncWorker;
  const pollMs = options.pollMs ?? 2_000;
  const scheduleEveryMs = options.scheduleEveryMs ?? 10 * 60_000;
  let stopped = false;
  let lastSchedule = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const tick = () => {
    timer = undefined;
    running = (async () => {
      let busy = false;
      try {
        if (Date.now() - lastSchedule >= scheduleEveryMs) {
          lastSchedule = Date.now();
          const queued = await scheduleDailyResyncs();
          if (queued) log.info("daily re-syncs queued", { queued });
        }
        busy = (await processResyncRuns({ maxPages: 4 })).runs > 0;
      } catch (error) {
        log.error("re-sync tick failed", { error: String(error) });
      }
      return busy;
    })().then((busy) => {
      // Straight on while there is work; otherwise wait for the next poll.
      if (!stopped) timer = setTimeout(tick, busy ? 0 : pollMs);
    });
  };
  tick();
  const worker: ResyncWorker = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      globalForWorker.amplyResyncWorker = undefined;
    },
  };
  globalForWorker.amplyResyncWorker = worker;
  return worker;
}
