// The app's side of the database-restart test (tests/fault/database-restart.test.ts), run as its own
// process on the private cluster: it opens as many interactive transactions as the pool has
// connections and keeps them open, says "open", and from then on tries, every 250 ms, to run more
// transactions than the pool holds at once. It prints how long recovery took, or that it never came.
import { db } from "@/lib/db/client";

const poolSize = Number(process.env.DATABASE_POOL_SIZE);
const started = Date.now();

for (let i = 0; i < poolSize; i++) {
  db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(60)`, { maxWait: 5_000, timeout: 90_000 }).catch(() => undefined);
}
await new Promise((resolve) => setTimeout(resolve, 1_500));
console.log("open");

/** Wait for the test to say the database has restarted. */
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const restartedAt = Date.now();

async function healthy(): Promise<boolean> {
  const attempt = Array.from({ length: poolSize + 2 }, () => db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWait: 2_000, timeout: 5_000 }));
  const deadline = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error("timed out")), 3_000));
  return Promise.race([Promise.all(attempt), deadline]).then(
    () => true,
    () => false,
  );
}

while (Date.now() - restartedAt < 30_000) {
  if (await healthy()) {
    console.log(JSON.stringify({ recovered: true, afterMs: Date.now() - restartedAt, totalMs: Date.now() - started }));
    process.exit(0);
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}
console.log(JSON.stringify({ recovered: false }));
process.exit(0);
