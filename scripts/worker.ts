// `npm run worker`: the outbox worker (email sending with retries; every hour, a purge of processed
// Stripe events older than 30 days and of expired rate-limit windows) as its own process, for
// production deployments on PostgreSQL.
import { startWorker } from "@/lib/email/outbox-worker";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";

getEnv();
const worker = startWorker();
log.info("outbox worker started");
const stop = () => void worker.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
