// `npm run webhooks -- status | retry <event id> | retry-failed`: look at the webhook inbox and
// replay what failed (docs/stripe.md#webhook-inbox). The worker applies what is put back.
import { getEnv } from "@/lib/env";
import { inboxStatus, retryEvent, retryFailed } from "@/lib/webhooks/inbox-operations";

const USAGE = `Usage: npm run webhooks -- status | retry <event id> | retry-failed

  status        events waiting, the oldest's age, retries, and failures parked
  retry <id>    apply one event again (a parked failure, or one waiting for its next attempt)
  retry-failed  put every parked failure back in the queue`;

async function main(args: string[]): Promise<number> {
  const [command, id] = args;
  if (!(command === "status" || command === "retry-failed" || (command === "retry" && id))) {
    console.error(USAGE);
    return 2;
  }
  getEnv();
  if (command === "status") {
    const status = await inboxStatus();
    console.log(`waiting: ${status.backlog} (oldest ${status.oldestPendingSeconds} s), of which retrying: ${status.retrying}`);
    console.log(`failed, parked: ${status.failed}`);
    for (const failure of status.recentFailures)
      console.log(`  ${failure.id}  ${failure.type}  after ${failure.attempts} attempts: ${failure.outcome ?? "(no reason)"}`);
    if (status.failed > 0) console.log("Replay with: npm run webhooks -- retry <event id>, or retry-failed");
    return 0;
  }
  if (command === "retry" && id) {
    if (await retryEvent(id)) {
      console.log(`${id} is queued again; the worker applies it next.`);
      return 0;
    }
    console.error(`No failed or waiting event ${id}: it may be applied already (npm run webhooks -- status lists the failures).`);
    return 1;
  }
  if (command === "retry-failed") {
    console.log(`${await retryFailed()} failed event(s) queued again.`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
