// The committed migrations create the whole schema (global setup ran `prisma migrate deploy` on an
// empty database), match schema.prisma exactly, and make the ledger append-only.
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { runPrismaCli } from "@/scripts/support/prisma-cli";

const root = path.resolve(import.meta.dirname, "../..");
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const connected = client.connect();

afterAll(() => client.end());

describe("migrations", () => {
  it("create every table of the domain", async () => {
    await connected;
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "User",
        "Account",
        "Session",
        "VerificationToken",
        "Organisation",
        "FeeRate",
        "Membership",
        "Invitation",
        "Fund",
        "Campaign",
        "Donor",
        "Donation",
        "RecurringDonation",
        "Refund",
        "Dispute",
        "LedgerEntry",
        "StripeEvent",
        "Payout",
        "OutboxEmail",
        "RateLimitBucket",
        "_prisma_migrations",
      ]),
    );
  });

  it("leave no drift between the migrations and schema.prisma", async () => {
    const output = await runPrismaCli(
      [
        "migrate",
        "diff",
        "--from-migrations",
        path.join(root, "prisma/migrations"),
        "--to-schema-datamodel",
        path.join(root, "prisma/schema.prisma"),
        "--exit-code",
      ],
      String(process.env.DATABASE_URL),
      { quiet: true, embedded: process.env.DATABASE_POOL_SIZE === "1" },
    );
    expect(output).toContain("No difference detected");
  });

  it("refuse to update or delete a ledger entry", async () => {
    await connected;
    const org = await client.query<{ id: string }>(
      `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "updatedAt") VALUES ($1, $1, 'Ledger test', 'l@example.org', 'DE', 'EUR', '{EUR}', NOW()) RETURNING id`,
      [`ledger-${Date.now()}`],
    );
    const organisationId = org.rows[0]?.id;
    const entry = await client.query<{ id: string }>(
      `INSERT INTO "LedgerEntry" ("organisationId", type, "stripeObjectType", "stripeObjectId", amount, currency) VALUES ($1, 'donation_received', 'charge', $2, 1000, 'EUR') RETURNING id`,
      [organisationId, `ch_${Date.now()}`],
    );
    const id = entry.rows[0]?.id;
    await expect(client.query(`UPDATE "LedgerEntry" SET amount = 1 WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "LedgerEntry" WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    const { rows } = await client.query<{ amount: string }>(`SELECT amount FROM "LedgerEntry" WHERE id = $1`, [id]);
    expect(rows[0]?.amount).toBe("1000");
  });
});
