// The webhook worker under the two failures an operator fears most, each on a PostgreSQL cluster
// of the test's own (tests/support/private-postgres.ts), with `npm run worker` as a real process
// and the sandbox as Stripe: `kill -9` of the worker in the middle of a storm, and PostgreSQL
// restarting (-m immediate) in the middle of a stream while events keep arriving. Afterwards every
// event is applied once, every ledger entry matches Stripe's balance transaction, every donation has
// one receipt and each organisation's receipt numbers run 1..n without a gap.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderingKey } from "@/lib/webhooks/ordering-key";
import { runPrismaCli } from "@/scripts/support/prisma-cli";
import { chargeIdOf, control, stripeSdk } from "../support/fixtures";
import { startPrivatePostgres, type PrivatePostgres } from "../support/private-postgres";

const root = path.resolve(import.meta.dirname, "../..");
const HANDLED = new Set(["payment_intent.succeeded", "charge.succeeded", "charge.updated", "charge.refunded", "refund.created"]);
let cluster: PrivatePostgres;

beforeAll(async () => {
  cluster = startPrivatePostgres(55_400 + (process.pid % 400));
  await runPrismaCli(["migrate", "deploy"], cluster.url, { quiet: true });
}, 120_000);
afterAll(() => cluster?.stop());

async function connect() {
  const client = new pg.Client({ connectionString: cluster.url });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

async function count(sql: string, values: unknown[] = []) {
  const client = await connect();
  try {
    return Number((await client.query<{ count: string }>(sql, values)).rows[0]?.count);
  } finally {
    await client.end();
  }
}

/** An organisation, `donations` gifts paid on the sandbox (every 5th refunded in part), and their events. */
async function paidGifts(label: string, donations: number) {
  const account = (await control.createAccount({ country: "DE", business_name: `Fault ${label}` })).id;
  await control.captureSettings(account, { delay_ms: 0 });
  const client = await connect();
  const organisationId = `org_${label}`;
  await client.query(
    `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "stripeChargesEnabled", "updatedAt")
     VALUES ($1, $1, 'Fault Charity', 'fault@example.org', 'DE', 'EUR', '{EUR}', $2, true, NOW())`,
    [organisationId, account],
  );
  for (let i = 0; i < donations; i++) {
    const donationId = `don_${label}_${i}`;
    await client.query(`INSERT INTO "Donor" (id, "organisationId", email, "updatedAt") VALUES ($1, $2, $3, NOW())`, [
      `dnr_${label}_${i}`,
      organisationId,
      `d${i}@example.org`,
    ]);
    const intent = await stripeSdk.paymentIntents.create(
      {
        amount: 1000 + i,
        currency: "eur",
        confirm: true,
        payment_method: "pm_card_visa",
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        metadata: { donation_id: donationId },
      },
      { stripeAccount: account },
    );
    await client.query(
      `INSERT INTO "Donation" (id, "organisationId", "donorId", amount, "chargedAmount", currency, "stripePaymentIntentId", "stripeAccountId", "updatedAt")
       VALUES ($1, $2, $3, $4, $4, 'EUR', $5, $6, NOW())`,
      [donationId, organisationId, `dnr_${label}_${i}`, intent.amount, intent.id, account],
    );
    if (i % 5 === 0) await control.refund(chargeIdOf(intent), 200);
  }
  await client.end();
  const events = (await control.events({ account })).map((entry) => entry.event as unknown as Stripe.Event).filter((event) => HANDLED.has(event.type));
  return { account, organisationId, donations, events };
}

/** Record events as the route does; one that cannot be recorded (the database is down) is sent again, as Stripe would. */
async function record(events: Stripe.Event[]) {
  for (const event of events) {
    for (let attempt = 0; ; attempt++) {
      try {
        const client = await connect();
        try {
          await client.query(
            `INSERT INTO "StripeEvent" (id, type, account, "apiVersion", "orderingKey", payload, "stripeCreatedAt") VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7) AT TIME ZONE 'UTC') ON CONFLICT (id) DO NOTHING`,
            [event.id, event.type, event.account, event.api_version, orderingKey(event), JSON.stringify(event), event.created],
          );
        } finally {
          await client.end();
        }
        break;
      } catch (error) {
        if (attempt > 200) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}

function startWorker(): ChildProcess {
  return spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: cluster.url, DATABASE_POOL_SIZE: "8", AMPLY_EMBEDDED_DATABASE: "0", AMPLY_WEBHOOK_LEASE_MS: "3000" },
    stdio: ["ignore", "ignore", "ignore"],
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const byTransaction = (a: { stripeBalanceTransactionId: string }, b: { stripeBalanceTransactionId: string }) =>
  a.stripeBalanceTransactionId < b.stripeBalanceTransactionId ? -1 : 1;

async function expectExact(gifts: Awaited<ReturnType<typeof paidGifts>>) {
  const ids = gifts.events.map((event) => event.id);
  const client = await connect();
  try {
    const states = await client.query<{ state: string; count: string }>(`SELECT state, count(*) FROM "StripeEvent" WHERE id = ANY($1) GROUP BY state`, [ids]);
    expect(Object.fromEntries(states.rows.map((row) => [row.state, Number(row.count)]))).toEqual({ processed: ids.length });
    const txns = await stripeSdk.balanceTransactions.list({ limit: 100 }, { stripeAccount: gifts.account }).autoPagingToArray({ limit: 10_000 });
    const ledger = await client.query<{ stripeBalanceTransactionId: string; settlementAmount: string; settlementFee: string; settlementNet: string }>(
      `SELECT "stripeBalanceTransactionId", "settlementAmount", "settlementFee", "settlementNet" FROM "LedgerEntry" WHERE "organisationId" = $1`,
      [gifts.organisationId],
    );
    const fromStripe = txns
      .filter((txn) => txn.type !== "payout")
      .map((txn) => ({
        stripeBalanceTransactionId: txn.id,
        settlementAmount: String(txn.amount),
        settlementFee: String(txn.fee),
        settlementNet: String(txn.net),
      }))
      .sort(byTransaction);
    expect(ledger.rows.sort(byTransaction)).toEqual(fromStripe);
    const receipts = await client.query<{ count: string }>(`SELECT count(*) FROM "OutboxEmail" WHERE kind = 'receipt'  AND "dedupeKey" LIKE $1`, [
      `receipt:don_${gifts.organisationId.slice(4)}_%`,
    ]);
    expect(Number(receipts.rows[0]?.count)).toBe(gifts.donations);
    const numbers = await client.query<{ receiptNumber: number }>(
      `SELECT "receiptNumber" FROM "Donation" WHERE "organisationId" = $1 ORDER BY "receiptNumber"`,
      [gifts.organisationId],
    );
    expect(numbers.rows.map((row) => row.receiptNumber)).toEqual(Array.from({ length: gifts.donations }, (_, i) => i + 1));
  } finally {
    await client.end();
  }
}

describe("the webhook worker", () => {
  it("killed with -9 in the middle of a storm: after a restart nothing is lost or applied twice", async () => {
    const gifts = await paidGifts("kill", 120);
    await record(gifts.events);
    const processed = () => count(`SELECT count(*) FROM "StripeEvent" WHERE state <> 'pending'`);
    let worker = startWorker();
    await until(async () => (await processed()) >= gifts.events.length / 4, 60_000, "a quarter of the storm");
    worker.kill("SIGKILL");
    await new Promise((resolve) => worker.once("exit", resolve));
    expect(await processed()).toBeLessThan(gifts.events.length);
    worker = startWorker();
    try {
      await until(async () => (await processed()) === gifts.events.length, 90_000, "the rest of the storm");
    } finally {
      worker.kill("SIGTERM");
    }
    await expectExact(gifts);
  }, 240_000);

  it("across a PostgreSQL restart (-m immediate) in the middle of a stream, events still arriving: recovers by itself, exact", async () => {
    const gifts = await paidGifts("restart", 120);
    const half = Math.floor(gifts.events.length / 2);
    await record(gifts.events.slice(0, half));
    const worker = startWorker();
    try {
      await until(
        async () => (await count(`SELECT count(*) FROM "StripeEvent" WHERE state <> 'pending' AND id LIKE 'evt_%'`)) >= half / 3,
        60_000,
        "a third of the first half",
      );
      const arriving = record(gifts.events.slice(half));
      cluster.restart("immediate");
      await arriving;
      await until(
        async () => (await count(`SELECT count(*) FROM "StripeEvent" WHERE state = 'pending'`)) === 0,
        90_000,
        "the stream to be applied after the restart",
      );
    } finally {
      worker.kill("SIGTERM");
    }
    await expectExact(gifts);
  }, 240_000);
});
