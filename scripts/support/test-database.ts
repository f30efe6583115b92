// A fresh database for one test run: a new database on the PostgreSQL server named by
// DATABASE_URL, or an in-memory embedded PGlite when there is none. Migrated with the same
// `prisma migrate deploy` production uses.
import pg from "pg";
import { startEmbeddedDatabase } from "./embedded-database";
import { runPrismaCli } from "./prisma-cli";

export type TestDatabase = { url: string; embedded: boolean; drop: () => Promise<void> };

function assertLocal(url: string) {
  const parsed = new URL(url);
  // A Unix socket (postgresql://user@/db?host=/var/run/postgresql) is this machine too.
  const host = parsed.hostname || parsed.searchParams.get("host") || "";
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && !host.startsWith("/")) {
    throw new Error(`Tests create and drop databases: refusing to run against ${host}, which is not this machine.`);
  }
}

/** Databases of earlier runs that were killed before they could drop theirs (older than 6 hours). */
async function dropAbandoned(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'amply\\_%'`);
  for (const { datname } of rows) {
    const match = /^amply_[a-z0-9_]+?_([0-9a-z]{6,})_[0-9a-z]{6}$/.exec(datname);
    if (match && Date.now() - parseInt(match[1] as string, 36) > 6 * 60 * 60_000) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    await runPrismaCli(["migrate", "deploy"], embedded.url, { embedded: true, quiet: true });
    return { url: embedded.url, embedded: true, drop: embedded.stop };
  }
  assertLocal(serverUrl);
  const name = `amply_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await dropAbandoned(admin);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await runPrismaCli(["migrate", "deploy"], url.toString(), { quiet: true });
  return {
    url: url.toString(),
    embedded: false,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
