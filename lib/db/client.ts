// The one Prisma client of a process (kept on globalThis so `next dev` hot reloads reuse it).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { withResilientTransactions } from "./resilient-transactions";
import { sharedPool } from "./sql";

function createClient() {
  // One pool per process, shared with lib/db/sql.ts.
  const adapter = withResilientTransactions(new PrismaPg(sharedPool()));
  return new PrismaClient({
    adapter,
    // OAuth tokens are never needed by Amply's own code (sign-in is by email link).
    omit: { account: { access_token: true, refresh_token: true, id_token: true } },
  });
}

export type Db = ReturnType<typeof createClient>;
/** A transaction client, as handlers receive it. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { amplyDb?: Db };

export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    globalForDb.amplyDb ??= createClient();
    const value: unknown = Reflect.get(globalForDb.amplyDb, property);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(globalForDb.amplyDb) : value;
  },
});
