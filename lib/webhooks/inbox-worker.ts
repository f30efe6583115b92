// The inbox worker's loop (docs/stripe.md#webhook-inbox): in-process under `npm run dev` and the
// browser tests, `npm run worker` in production (several may run). Woken by the route (in-process)
// or by PostgreSQL LISTEN/NOTIFY, and polling besides, so nothing waits on a lost signal.
import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { drainInbox } from "./inbox";
import { INBOX_CHANNEL, onInboxWake } from "./wake";

export type InboxWorker = { stop: () => Promise<void> };

const globalForWorker = globalThis as unknown as { amplyInboxWorker?: InboxWorker };

/** Start the worker, once per process. */
export function startInboxWorker(options: { pollMs?: number; concurrency?: number } = {}): InboxWorker {
  if (globalForWorker.amplyInboxWorker) return globalForWorker.amplyInboxWorker;
  const env = getEnv();
  const pollMs = options.pollMs ?? 1_000;
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  // The embedded database has one connection: one event at a time there.
  const concurrency = env.AMPLY_EMBEDDED_DATABASE ? 1 : (options.concurrency ?? Math.max(1, Math.min(8, env.DATABASE_POOL_SIZE - 2)));
  let stopped = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let listener: pg.Client | undefined;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = undefined;
    again = false;
    running = drainInbox({ workerId, concurrency })
      .then(() => undefined)
      .catch((error: unknown) => log.error("webhook inbox round failed; retrying at the next poll", { error: String(error) }))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) run();
        else timer = setTimeout(run, pollMs);
      });
  };

  const listen = async () => {
    if (env.AMPLY_EMBEDDED_DATABASE || stopped) return;
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    listener = client;
    client.on("notification", run);
    client.on("error", (error) => {
      log.warn("webhook inbox listener lost its connection; polling until it is back", { error: error.message });
      void client.end().catch(() => undefined);
      if (listener === client) listener = undefined;
      if (!stopped) setTimeout(() => void listen(), 2_000).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${INBOX_CHANNEL}`);
    } catch (error) {
      client.emit("error", error instanceof Error ? error : new Error(String(error)));
    }
  };

  const unsubscribe = onInboxWake(run);
  void listen();
  run();
  const worker: InboxWorker = {
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
      await listener?.end().catch(() => undefined);
      globalForWorker.amplyInboxWorker = undefined;
    },
  };
  globalForWorker.amplyInboxWorker = worker;
  return worker;
}
