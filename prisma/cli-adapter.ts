// The driver adapter the Prisma CLI (migrate, db, diff) uses through prisma.config.ts.
//
// Prisma 6.19's wasm schema engine ("engine: js") runs offline, unlike the native binary that
// every migrate command would otherwise download. @prisma/adapter-pg 6.19.3 needs four
// workarounds to serve it; they all live here, one comment each, so that they can be dropped
// together when upstream fixes them.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

type Adapter = SqlDriverAdapter;

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// Workaround 1 (prisma/orm#27403): the schema engine's catalog queries return columns of type
// `name` and `"char"`, which adapter-pg cannot deserialize ("Column type 'name' could not be
// deserialized"). Both arrive as text on the wire, so relabel them as text.
function relabelCatalogColumns<T>(result: T): T {
  const fields = (result as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields;
  for (const field of fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // pg.Client#query is heavily overloaded (callback, promise, submittable); wrap whichever is used.
  override query(...args: unknown[]): never {
    const query = super.query.bind(this) as unknown as (...a: unknown[]) => unknown;
    const callbackAt = args.findIndex((arg) => typeof arg === "function");
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
      args[callbackAt] = (error: unknown, result: unknown) => callback(error, relabelCatalogColumns(result));
      return query(...args) as never;
    }
    const returned = query(...args);
    if (returned instanceof Promise) return returned.then(relabelCatalogColumns) as never;
    return returned as never;
  }
}

// Workaround 2: adapter-pg's executeScript splits a migration on every `;`, even inside `$$`
// function bodies and string literals ("unterminated quoted string"). A query without parameters
// goes over PostgreSQL's simple protocol, which runs a whole multi-statement script as is.
function sendScriptsWhole(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

function factoryFor(connectionString: string) {
  return new PrismaPg({ connectionString, Client: CatalogAsTextClient, max: 1, allowExitOnIdle: true });
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * An adapter factory for the CLI. `shadow` supplies the shadow database `migrate dev` needs:
 * on PostgreSQL a throw-away database on the same server; on the embedded database (one
 * database, one connection) a second in-memory PGlite server.
 */
export function cliAdapter(
  connectionString: string,
  shadow: "same-server" | (() => Promise<{ url: string; stop: () => Promise<void> }>),
): SqlMigrationAwareDriverAdapterFactory {
  const main = factoryFor(connectionString);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => sendScriptsWhole(await main.connect()),
    // Workaround 3: adapter-pg's connectToShadowDb spreads `{ ...config, database }`, but a
    // connectionString wins over `database`, so the "shadow" pool is the main database
    // (P3006 "... already exists"); it also drops the shadow database before closing its pool.
    connectToShadowDb: async () => {
      if (shadow !== "same-server") {
        const server = await shadow();
        const adapter = sendScriptsWhole(await factoryFor(server.url).connect());
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose();
          await server.stop();
        };
        return adapter;
      }
      const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const admin = await main.connect();
      await admin.executeRaw({ sql: `CREATE DATABASE "${database}"`, args: [], argTypes: [] });
      const adapter = sendScriptsWhole(await factoryFor(withDatabase(connectionString, database)).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.executeRaw({ sql: `DROP DATABASE IF EXISTS "${database}"`, args: [], argTypes: [] });
        await admin.dispose();
      };
      return adapter;
    },
  };
}

// Workaround 4: the wasm schema engine leaves 10 s timers armed after its work is done, so every
// CLI run would linger ~10 s before exiting. Timers of 10 s or more armed in the CLI process are
// unref'd: they still fire while the CLI has work, but no longer hold the process open.
export function unrefLongTimers(thresholdMs = 10_000) {
  const original = globalThis.setTimeout;
  const patched = ((handler: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const timer = original(handler, ms, ...rest);
    if ((ms ?? 0) >= thresholdMs && typeof timer === "object" && timer !== null && "unref" in timer) timer.unref();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
}
