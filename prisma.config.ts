// Prisma CLI configuration. Migrations run through the offline wasm schema engine and a pg
// driver adapter (see prisma/cli-adapter.ts for why and how).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { cliAdapter, unrefLongTimers } from "./prisma/cli-adapter";
import { startEmbeddedDatabase } from "./scripts/support/embedded-database";

// `prisma generate` reads the datasource url but never connects; on a fresh machine (postinstall)
// there is no DATABASE_URL yet, and without one generate would try to download a query engine.
const PLACEHOLDER_URL = "postgresql://placeholder@127.0.0.1:5432/placeholder";
process.env.DATABASE_URL ||= PLACEHOLDER_URL;
const databaseUrl = process.env.DATABASE_URL;

unrefLongTimers();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx --conditions=react-server prisma/seed.ts" },
  adapter: () =>
    Promise.resolve(
      cliAdapter(
        databaseUrl,
        // The embedded database holds one database only: give `migrate dev` a second, in memory.
        process.env.AMPLY_EMBEDDED_DATABASE === "1" ? () => startEmbeddedDatabase() : "same-server",
      ),
    ),
});
