// Embedded PostgreSQL (PGlite, Postgres 17 in WebAssembly) served on loopback, so Amply runs with
// no database server installed. PGlite is one session: pglite-socket lets several sockets in but
// queues their queries onto that one session, so clients must use a pool of exactly one
// connection (lib/db/client.ts does, see DATABASE_POOL_SIZE).
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync } from "node:fs";

export type EmbeddedDatabase = {
  /** A PostgreSQL URL for the served database. */
  url: string;
  stop: () => Promise<void>;
};

/**
 * Start PGlite on a loopback port. `dataDir` keeps the data between runs; without it the
 * database lives in memory. Port 0 picks a free one.
 */
export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  // A few sockets may connect (the app, the Prisma CLI, psql); each must use one connection.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 8 });
  await server.start();
  const [host, port] = server.getServerConn().split(":");
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
