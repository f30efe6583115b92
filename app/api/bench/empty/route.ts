// POST /api/bench/empty - the ceiling `npm run bench:webhooks` compares ingest with: a route
// handler that does nothing, in the same `next start`. Answers 404 unless the bench started the
// server (AMPLY_BENCH=1).
export const dynamic = "force-dynamic";

export function POST() {
  return new Response(null, { status: process.env.AMPLY_BENCH === "1" ? 204 : 404 });
}
