// The migration to fee rates per payment method family carries existing organisations forward:
// run on an in-process PostgreSQL (PGlite) holding rates written before it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

const MIGRATIONS = path.join(import.meta.dirname, "../../prisma/migrations");
const MIGRATION = "20261129150000_fee_rates_per_method";
const sqlOf = (dir: string) => readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");

describe("the fee-rates-per-method migration", () => {
  it("keeps every existing rate as the card rate and adds SEPA and transfer rates only where those methods exist", async () => {
    const db = new PGlite();
    const earlier = readdirSync(MIGRATIONS)
      .filter((dir) => /^\d{14}_/.test(dir) && dir < MIGRATION)
      .sort();
    for (const dir of earlier) await db.exec(sqlOf(dir));
    await db.exec(`
      INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "updatedAt")
      VALUES ('org_before', 'before', 'Before Charity', 'before@example.org', 'DE', 'EUR', '{EUR,GBP,JPY}', NOW());
      INSERT INTO "FeeRate" ("organisationId", currency, "percentBps", "fixedMinor", "updatedAt") VALUES
        ('org_before', 'EUR', 200, 30, NOW()),
        ('org_before', 'GBP', 140, 20, NOW()),
        ('org_before', 'JPY', 360, 0, NOW());
    `);

    await db.exec(sqlOf(MIGRATION));

    const { rows } = await db.query(
      `SELECT currency, family::text, "percentBps", "fixedMinor", "capMinor" FROM "FeeRate" WHERE "organisationId" = 'org_before' ORDER BY currency, family::text`,
    );
    expect(rows).toEqual([
      { currency: "EUR", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
      { currency: "EUR", family: "card", percentBps: 200, fixedMinor: 30, capMinor: null },
      { currency: "EUR", family: "sepa_debit", percentBps: 0, fixedMinor: 35, capMinor: null },
      { currency: "GBP", family: "bank_transfer", percentBps: 50, fixedMinor: 0, capMinor: 500 },
      { currency: "GBP", family: "card", percentBps: 140, fixedMinor: 20, capMinor: null },
      { currency: "JPY", family: "card", percentBps: 360, fixedMinor: 0, capMinor: null },
    ]);
    await db.close();
  });
});
