// `npm run worker`: the background work of a production deployment on PostgreSQL, as its own
// process (several may run): the webhook inbox (Stripe events applied exactly once, retried,
// parked when they keep failing), the email outbox (sending with retries) with bulk statement runs
// (docs/statements.md#bulk-runs), re-syncs from Stripe (docs/stripe.md#re-sync: queued ones, and
// one a day per connected account), and every hour a purge
// of settled Stripe events older than 31 days and of expired rate-limit windows.
import { startWorker } from "@/lib/email/outbox-worker";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import { startResyncWorker } from "@/lib/resync/resync-worker";
import { startInboxWorker } from "@/lib/webhooks/inbox-worker";

getEnv();
const outbox = startWorker();
const inbox = startInboxWorker();
const resync = startResyncWorker();
log.info("worker started: webhook inbox, email outbox and re-syncs");
const stop = () => void Promise.all([outbox.stop(), inbox.stop(), resync.stop()]).then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
