// GET /api/health - readiness: the app is up and its database answers
import { publicRoute } from "@/lib/api/public-route";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = publicRoute({ maxBytes: 0 }, async () => {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
});
