// One locked row must not stall everything: a statement waiting on another session's row lock gives
// up after a few seconds (the request fails and is retried), and work on other rows goes on.
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { LOCK_TIMEOUT_MS } from "@/lib/db/sql";

const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
afterAll(() => holder.end());

it("gives up waiting on a locked row after the lock timeout, while other rows go on", async () => {
  const windowStart = new Date(Date.UTC(2000, 0, 1));
  await db.rateLimitBucket.createMany({
    data: [
      { key: "locked-row", windowStart, count: 0 },
      { key: "free-row", windowStart, count: 0 },
    ],
  });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query(`SELECT * FROM "RateLimitBucket" WHERE key = 'locked-row' FOR UPDATE`);
  try {
    const started = Date.now();
    const [blocked, free] = await Promise.allSettled([
      db.$transaction((tx) => tx.$executeRaw`UPDATE "RateLimitBucket" SET count = count + 1 WHERE key = 'locked-row'`),
      db.$transaction((tx) => tx.$executeRaw`UPDATE "RateLimitBucket" SET count = count + 1 WHERE key = 'free-row'`),
    ]);
    const waited = Date.now() - started;
    expect(free.status).toBe("fulfilled");
    expect(blocked.status).toBe("rejected");
    expect(String((blocked as PromiseRejectedResult).reason)).toMatch(/lock timeout/i);
    expect(waited).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 500);
    expect(waited).toBeLessThan(LOCK_TIMEOUT_MS + 5_000);
  } finally {
    // The holder lets go after the test: without a lock timeout the update above would wait this long.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await holder.query("ROLLBACK");
  }
});
