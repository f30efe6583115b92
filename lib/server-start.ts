// When the Next.js server starts: refuse to start on bad configuration, naming what is wrong, and
// run the outbox, webhook inbox and re-sync workers in this process where it must (the embedded database has one connection).
import { startWorker } from "@/lib/email/outbox-worker";
import { ConfigurationError, getEnv } from "@/lib/env";
import { startResyncWorker } from "@/lib/resync/resync-worker";
import { startInboxWorker } from "@/lib/webhooks/inbox-worker";

export function onServerStart() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (env.AMPLY_WORKER_IN_PROCESS) {
    startWorker();
    startInboxWorker();
    startResyncWorker();
  }
}
