// `npm run worker`: the background work of a production deployment on PostgreSQL, as its own
// process (several may run): the webhook inbox (Stripe events applied exactly once, retried,
// parked when they keep failing), the email outbox (sending with retries) with bulk statement runs
// (docs/statements.md#bulk-runs), and every hour a purge
// of settled Stripe events older than 31 days and of expired rate-limit windows.
import { startWorker } from "@/lib/email/outbox-worker";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { startInboxWorker } from "@/lib/webhooks/inbox-worker";

getEnv();
const outbox = startWorker();
const inbox = startInboxWorker();
log.info("worker started: webhook inbox and email outbox");
const stop = () => void Promise.all([outbox.stop(), inbox.stop()]).then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
