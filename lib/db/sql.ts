// Plain SQL on the process's one connection pool, for the few statements on the hottest path
// (every Stripe payment event). They skip Prisma's per-query planning in JavaScript and run as
// named prepared statements, so PostgreSQL plans each shape once per connection. Everything else
// goes through Prisma, on the same pool.
import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/logger";
import type { Prisma } from "./generated/client.ts";

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;

/** bigint for BIGINT (money), exact text for NUMERIC, UTC for Prisma's TIMESTAMP(3) columns. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8) return (value: string) => BigInt(value);
    if (oid === NUMERIC) return (value: string) => value;
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    // pg-types declares its parsers as `any`; Amply reads every column in the text format.
    return pg.types.getTypeParser(oid, format ?? "text") as (value: string) => unknown;
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/** How long a statement may wait for a row lock, and run at all. */
export const LOCK_TIMEOUT_MS = 3_000;
export const STATEMENT_TIMEOUT_MS = 15_000;

const globalForPool = globalThis as unknown as { amplyPool?: pg.Pool };

export function sharedPool(): pg.Pool {
  if (!globalForPool.amplyPool) {
    const env = getEnv();
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      // Idle connections must not keep a script (worker, seed, tests) alive.
      allowExitOnIdle: true,
      // A request waits a few seconds for a connection, then fails (5xx) instead of hanging.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      keepAlive: true,
      // No statement waits on a row lock for more than a few seconds, or runs for more than a
      // quarter of a minute: one locked donation must not stall every connection (the request
      // fails and is retried, and the rest go on). Connection parameters, not a SET, so they hold
      // for this pool's connections only. The embedded database's one shared session takes none.
      ...(env.AMPLY_EMBEDDED_DATABASE ? {} : { options: `-c lock_timeout=${LOCK_TIMEOUT_MS} -c statement_timeout=${STATEMENT_TIMEOUT_MS}` }),
    });
    // An idle connection the server closed (a restart) is dropped by the pool; without a listener
    // that error would end the process.
    pool.on("error", (error) => log.warn("database connection lost; the pool will open a new one", { error: error.message }));
    globalForPool.amplyPool = pool;
  }
  return globalForPool.amplyPool;
}

/** Run one statement (built with Prisma.sql) as a named prepared statement; its rows. */
export async function sql<T>(statement: Prisma.Sql): Promise<T[]> {
  // Prepared statements live in a session, and the embedded database has one session for all its
  // clients, where a name prepared by one would collide with another's: unnamed there.
  const name = getEnv().AMPLY_EMBEDDED_DATABASE ? undefined : `amply_${createHash("sha1").update(statement.text).digest("hex").slice(0, 20)}`;
  const result = await sharedPool().query<T & pg.QueryResultRow>({ name, text: statement.text, values: statement.values, types });
  return result.rows;
}
