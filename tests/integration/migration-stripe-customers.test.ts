// The migration that keeps Stripe customers per connected account carries each stored customer id
// onto the account it was made on. It runs here on a schema of its own: every migration before it,
// rows as they stood, then it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const MIGRATION = "20261129170000_stripe_accounts_and_customers";
const migrations = path.resolve(import.meta.dirname, "../../prisma/migrations");
const schema = `migration_customers_${Date.now().toString(36)}`;
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const ready = client.connect();

const sql = (name: string) => readFileSync(path.join(migrations, name, "migration.sql"), "utf8");

afterAll(async () => {
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe(`migration ${MIGRATION}`, () => {
  it("puts each donor's customer on the account it was made on, and drops one no account explains", async () => {
    await ready;
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    const before = readdirSync(migrations).filter((name) => /^\d{14}_/.test(name) && name < MIGRATION);
    for (const name of before.sort()) await client.query(sql(name));

    // One organisation: account A from day 1 to day 10, then account B from day 12.
    const day = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString();
    await client.query(
      `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "updatedAt")
       VALUES ('org', 'org', 'Org', 'org@example.org', 'DE', 'EUR', '{EUR}', 'acct_B', NOW())`,
    );
    await client.query(
      `INSERT INTO "StripeAccountConnection" (id, "organisationId", "stripeAccountId", "connectedAt", "disconnectedAt")
       VALUES ('c1', 'org', 'acct_A', $1, $2), ('c2', 'org', 'acct_B', $3, NULL)`,
      [day(1), day(10), day(12)],
    );
    const donor = (id: string, customer: string | null, updatedAt: string) =>
      client.query(`INSERT INTO "Donor" (id, "organisationId", email, "stripeCustomerId", "createdAt", "updatedAt") VALUES ($1, 'org', $2, $3, $4, $4)`, [
        id,
        `${id}@example.org`,
        customer,
        updatedAt,
      ]);
    // Paid by transfer on A, though its row was last written while B was connected.
    await donor("paid", "cus_paid", day(13));
    await client.query(
      `INSERT INTO "Donation" (id, "organisationId", "donorId", amount, "chargedAmount", currency, method, "stripeAccountId", "stripePaymentIntentId", "createdAt", "updatedAt")
       VALUES ('d1', 'org', 'paid', 5000, 5000, 'EUR', 'bank_transfer', 'acct_A', 'pi_1', $1, $1)`,
      [day(5)],
    );
    await donor("during_a", "cus_a", day(3));
    await donor("during_b", "cus_b", day(14));
    await donor("between", "cus_lost", day(11));
    await donor("none", null, day(2));

    await client.query(sql(MIGRATION));

    const { rows } = await client.query<{ donorId: string; stripeAccountId: string; stripeCustomerId: string }>(
      `SELECT "donorId", "stripeAccountId", "stripeCustomerId" FROM "StripeCustomer" ORDER BY "donorId"`,
    );
    expect(rows).toEqual([
      { donorId: "during_a", stripeAccountId: "acct_A", stripeCustomerId: "cus_a" },
      { donorId: "during_b", stripeAccountId: "acct_B", stripeCustomerId: "cus_b" },
      { donorId: "paid", stripeAccountId: "acct_A", stripeCustomerId: "cus_paid" },
    ]);
    const columns = await client.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'Donor' ORDER BY column_name`,
      [schema],
    );
    expect(columns.rows.map((row) => row.column_name)).not.toContain("stripeCustomerId");
    const organisation = await client.query(`SELECT "stripeAccountCountry", "stripeDefaultCurrency", "stripeCapabilities" FROM "Organisation"`);
    expect(organisation.rows).toEqual([{ stripeAccountCountry: null, stripeDefaultCurrency: null, stripeCapabilities: null }]);
  });
});
