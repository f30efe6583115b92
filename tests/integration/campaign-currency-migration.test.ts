// The migration to goals per currency carries each campaign's one goal forward: run on an
// in-process PostgreSQL (PGlite) holding campaigns written before it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

const MIGRATIONS = path.join(import.meta.dirname, "../../prisma/migrations");
const MIGRATION = "20261130100000_campaigns_per_currency";
const sqlOf = (dir: string) => readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8");

describe("the campaigns-per-currency migration", () => {
  it("keeps an existing goal as the goal in its currency, and adds nothing for a campaign without one", async () => {
    const db = new PGlite();
    const earlier = readdirSync(MIGRATIONS)
      .filter((dir) => /^\d{14}_/.test(dir) && dir < MIGRATION)
      .sort();
    for (const dir of earlier) await db.exec(sqlOf(dir));
    await db.exec(`
      INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "updatedAt")
      VALUES ('org_before', 'before', 'Before Charity', 'before@example.org', 'DE', 'EUR', '{EUR,GBP}', NOW());
      INSERT INTO "Campaign" (id, "organisationId", slug, name, "goalAmount", "goalCurrency") VALUES
        ('c_goal', 'org_before', 'wells', 'Wells', 500000, 'EUR'),
        ('c_none', 'org_before', 'roofs', 'Roofs', NULL, NULL);
    `);

    await db.exec(sqlOf(MIGRATION));

    const { rows } = await db.query(
      `SELECT "campaignId", currency, "goalAmount"::text AS goal, "suggestedAmounts" FROM "CampaignCurrency" ORDER BY "campaignId"`,
    );
    expect(rows).toEqual([{ campaignId: "c_goal", currency: "EUR", goal: "500000", suggestedAmounts: [] }]);
    const columns = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Campaign' AND column_name LIKE 'goal%'`);
    expect(columns.rows).toEqual([]);
  });
});
