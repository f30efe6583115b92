// Once per `vitest run`: a fresh, migrated database and a Stripe sandbox for this run.
import type { TestProject } from "vitest/node";
import { startSandbox } from "@/sandbox/server";
import { createTestDatabase } from "@/scripts/support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
    sandboxEnv: Record<string, string>;
    sandboxUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [database, sandbox] = await Promise.all([
    createTestDatabase("test"),
    // No webhook endpoint: tests take events from the sandbox's log and deliver them themselves,
    // in the order (and as often) each test needs.
    startSandbox({ quiet: true, redirectUris: ["http://localhost:3000/api/stripe/connect/callback"] }),
  ]);
  project.provide("databaseUrl", database.url);
  project.provide("embeddedDatabase", database.embedded);
  project.provide("sandboxEnv", sandbox.env);
  project.provide("sandboxUrl", sandbox.url);
  return async () => {
    await sandbox.stop();
    await database.drop();
  };
}
