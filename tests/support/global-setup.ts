// Once per `vitest run`: a fresh, migrated database for this run.
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embeddedDatabase: boolean;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("test");
  project.provide("databaseUrl", database.url);
  project.provide("embeddedDatabase", database.embedded);
  return async () => {
    await database.drop();
  };
}
