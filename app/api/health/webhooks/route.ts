// GET /api/health/webhooks - the webhook pipeline, for operators and monitoring: events waiting,
// the age of the oldest, and failures parked for a retry. Always 200 while the database answers:
// a backlog must not take instances out of a load balancer (that would stop ingest too); alert on
// the figures instead. `/api/health` stays the readiness check.
import { publicRoute } from "@/lib/api/public-route";
import { inboxStatus } from "@/lib/webhooks/inbox-operations";

export const dynamic = "force-dynamic";

export const GET = publicRoute({ maxBytes: 0 }, async () => {
  try {
    const status = await inboxStatus();
    // Event ids and types only: payloads and errors stay in the database and the logs.
    return Response.json({
      backlog: status.backlog,
      oldestPendingSeconds: status.oldestPendingSeconds,
      retrying: status.retrying,
      failed: status.failed,
    });
  } catch {
    return Response.json({ error: "database unavailable" }, { status: 503 });
  }
});
