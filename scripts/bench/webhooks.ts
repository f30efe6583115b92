// npm run bench:webhooks - the webhook pipeline on this machine, in two halves measured apart.
//
// Ingest: a production build (`npm start`) on a fresh database, the worker stopped. Signed events
// are POSTed as fast as 20 connections go, next to the same server's empty POST route (the ceiling
// here) and a bare single-row INSERT through a pool of the app's size; then at half the ingest
// rate for latency. Processing: one worker (`npm run worker`) drains the backlog, Stripe reads
// against the sandbox: first a storm on one organisation (every success takes that organisation's
// next receipt number, one at a time), then the same spread over ten organisations.
// Correctness is checked, not only counts: every ledger entry against the sandbox's balance
// transaction, one receipt per donation, receipt numbers 1..n per organisation without gaps,
// refunds and disputes included, several events per donation. Then a renewal storm: one
// `invoice.paid` for each of BENCH_RENEWALS (default 10,000) monthly gifts, each its installment's
// donation, receipt and ledger entry, its rate printed next to the one-off rate. Loopback only;
// bounded sizes.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import Stripe from "stripe";
import { idOf } from "../../lib/stripe/ids";
import { SandboxControl } from "../../sandbox/client";
import { signPayload } from "../../sandbox/webhooks";
import { root, runBench, say } from "./support";

const DONATIONS = Number(process.env.BENCH_DONATIONS ?? 400);
const CONNECTIONS = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const APP = `http://127.0.0.1:${PORT}`;
const POOL_SIZE = 8;
const RENEWALS = Number(process.env.BENCH_RENEWALS ?? 10_000);

type Prepared = { events: string[]; account: string; organisations: string[] };

runBench("bench", APP, 20, async (bench) => {
  const { database, sandbox } = bench;
  const control = new SandboxControl(sandbox.url, sandbox.keys.secretKey);
  const stripe = new Stripe(sandbox.keys.secretKey, { host: "127.0.0.1", port: sandbox.port, protocol: "http", maxNetworkRetries: 0 });
  const db = new pg.Client({ connectionString: database.url });
  db.on("error", () => undefined);
  await db.connect();
  const count = async (sql: string) => Number((await db.query<{ count: string }>(sql)).rows[0]?.count);

  /** Donations paid on one account, in `orgs` organisations; refunds on every 6th, a dispute on every 20th. */
  async function prepare(label: string, orgs: number, donations: number): Promise<Prepared> {
    const account = (await control.createAccount({ country: "DE", business_name: `Bench ${label}` })).id;
    await control.captureSettings(account, { delay_ms: 0 });
    const organisations: string[] = [];
    for (let o = 0; o < orgs; o++) {
      const id = `org_${label}_${o}`;
      // The organisations share the sandbox account: each donation names its own in the database.
      await db.query(
        `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "stripeChargesEnabled", "updatedAt")
         VALUES ($1, $2, $3, $4, 'DE', 'EUR', '{EUR}', $5, true, NOW())`,
        [id, `bench-${label}-${o}`, `Bench ${label} ${o}`, `${label}${o}@example.org`, o === 0 ? account : null],
      );
      organisations.push(id);
    }
    for (let i = 0; i < donations; i++) {
      const donationId = `don_${label}_${i}`;
      const organisationId = organisations[i % orgs] as string;
      await db.query(`INSERT INTO "Donor" (id, "organisationId", email, "updatedAt") VALUES ($1, $2, $3, NOW())`, [
        `dnr_${label}_${i}`,
        organisationId,
        `donor${i}@example.org`,
      ]);
      const intent = await stripe.paymentIntents.create(
        {
          amount: 1000 + (i % 500),
          currency: "eur",
          confirm: true,
          payment_method: "pm_card_visa",
          automatic_payment_methods: { enabled: true, allow_redirects: "never" },
          metadata: { donation_id: donationId },
        },
        { stripeAccount: account },
      );
      await db.query(
        `INSERT INTO "Donation" (id, "organisationId", "donorId", "donorName", amount, "chargedAmount", currency, "stripePaymentIntentId", "stripeAccountId", "updatedAt")
         VALUES ($1, $2, $3, 'Bench Donor', $4, $4, 'EUR', $5, $6, NOW())`,
        [donationId, organisationId, `dnr_${label}_${i}`, intent.amount, intent.id, account],
      );
      const chargeId = idOf(intent.latest_charge) ?? "";
      if (i % 6 === 0) await control.refund(chargeId, 300);
      if (i % 20 === 0) await control.dispute(chargeId);
    }
    const wanted = new Set([
      "payment_intent.succeeded",
      "charge.succeeded",
      "charge.updated",
      "charge.refunded",
      "refund.created",
      "charge.dispute.created",
      "charge.dispute.funds_withdrawn",
    ]);
    const events = (await control.events({ account })).map((entry) => entry.event as unknown as Stripe.Event).filter((event) => wanted.has(event.type));
    return { events: events.map((event) => JSON.stringify(event)), account, organisations };
  }

  /**
   * Monthly gifts whose first payment was made, each renewed once on the sandbox: the renewals'
   * `invoice.paid` events, one per subscription, spread over ten organisations (each its own account).
   */
  async function prepareRenewals(gifts: number): Promise<Prepared> {
    const organisations: string[] = [];
    const accounts: string[] = [];
    for (let o = 0; o < 10; o++) {
      const account = (await control.createAccount({ country: "DE", business_name: `Bench renewals ${o}` })).id;
      await control.captureSettings(account, { delay_ms: 0 });
      const id = `org_renewals_${o}`;
      await db.query(
        `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "stripeChargesEnabled", "updatedAt")
         VALUES ($1, $2, $3, $4, 'DE', 'EUR', '{EUR}', $5, true, NOW())`,
        [id, `bench-renewals-${o}`, `Bench renewals ${o}`, `renewals${o}@example.org`, account],
      );
      organisations.push(id);
      accounts.push(account);
    }
    const products = await Promise.all(accounts.map((account) => stripe.products.create({ name: "Donation" }, { stripeAccount: account })));
    // Eight gifts prepared at once: a pool, not the one client.
    const pool = new pg.Pool({ connectionString: database.url, max: 8 });
    const events: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < gifts) {
          const i = next++;
          const o = i % accounts.length;
          const [account, organisationId, product] = [accounts[o] as string, organisations[o] as string, products[o] as Stripe.Product];
          const customer = await stripe.customers.create({ email: `giver${i}@example.org` }, { stripeAccount: account });
          const giftId = `rec_bench_${i}`;
          const subscription = await stripe.subscriptions.create(
            {
              customer: customer.id,
              items: [{ price_data: { currency: "eur", product: product.id, unit_amount: 1000 + (i % 500), recurring: { interval: "month" } } }],
              payment_behavior: "default_incomplete",
              payment_settings: { save_default_payment_method: "on_subscription", payment_method_types: ["card"] },
              metadata: { recurring_donation_id: giftId },
              expand: ["latest_invoice.confirmation_secret"],
            },
            { stripeAccount: account },
          );
          const secret = (subscription.latest_invoice as Stripe.Invoice).confirmation_secret?.client_secret ?? "";
          await stripe.paymentIntents.confirm(secret.split("_secret_")[0] as string, { payment_method: "pm_card_visa" }, { stripeAccount: account });
          await pool.query(`INSERT INTO "Donor" (id, "organisationId", email, "updatedAt") VALUES ($1, $2, $3, NOW())`, [
            `dnr_renewal_${i}`,
            organisationId,
            `giver${i}@example.org`,
          ]);
          await pool.query(
            `INSERT INTO "RecurringDonation" (id, "organisationId", "donorId", amount, "chargedAmount", currency, interval, status, "stripeAccountId", "stripeSubscriptionId", "stripeCustomerId", "paymentMethodType", "updatedAt")
             VALUES ($1, $2, $3, $4, $4, 'EUR', 'month', 'active', $5, $6, $7, 'card', NOW())`,
            [giftId, organisationId, `dnr_renewal_${i}`, 1000 + (i % 500), account, subscription.id, customer.id],
          );
          const renewal = (await control.advance(subscription.id)) as { invoice: { id: string } };
          events.push(renewal.invoice.id);
        }
      }),
    );
    await pool.end();
    const wanted = new Set(events);
    const paid: string[] = [];
    for (const account of accounts) {
      for (const entry of await control.events({ account, type: "invoice.paid" })) {
        if (wanted.has(String(entry.event.data.object.id))) paid.push(JSON.stringify(entry.event));
      }
    }
    return { events: paid, account: accounts[0] as string, organisations };
  }

  say(`preparing ${DONATIONS} donations on one organisation and ${DONATIONS} over ten, paid on the sandbox…`);
  const storm = await prepare("storm", 1, DONATIONS);
  const spread = await prepare("spread", 10, DONATIONS);
  // The spread organisations' donations name the storm account's sibling: connect each to it.
  await db.query(`UPDATE "Organisation" SET "stripeAccountId" = NULL WHERE id LIKE 'org_spread_%' AND id <> 'org_spread_0'`);
  say(`${storm.events.length + spread.events.length} events`);
  say(`preparing ${RENEWALS} monthly gifts, each renewed once on the sandbox…`);
  const renewals = await prepareRenewals(RENEWALS);
  say(`${renewals.events.length} renewal invoice.paid events`);

  say("starting npm start (worker stopped)…");
  bench.env.AMPLY_BENCH = "1";
  await bench.startServers([PORT]);

  const signed = (body: string) => ({
    method: "POST" as const,
    path: "/api/webhooks/stripe",
    headers: { "content-type": "application/json", "stripe-signature": signPayload(body, sandbox.keys.connectWebhookSecret) },
    body,
  });
  const blast = (options: Omit<autocannon.Options, "url">, request: () => autocannon.Request) =>
    new Promise<{ result: autocannon.Result; seconds: number }>((resolve, reject) => {
      const started = performance.now();
      let last = started;
      const instance = autocannon({ url: APP, ...options, requests: [{ setupRequest: (r) => ({ ...r, ...request() }) }] }, (error: Error | null, result) =>
        error ? reject(error) : resolve({ result, seconds: (last - started) / 1000 }),
      );
      instance.on("response", () => (last = performance.now()));
    });

  // Warm up both routes.
  for (let i = 0; i < 30; i++) await fetch(`${APP}/api/bench/empty`, { method: "POST", body: "{}" });
  for (const body of storm.events.slice(0, 20)) await fetch(`${APP}/api/webhooks/stripe`, signed(body));

  say("the empty route, 20 connections, 5 s…");
  const empty = await blast({ connections: CONNECTIONS, duration: 5 }, () => ({ method: "POST", path: "/api/bench/empty", body: "{}" }));
  const emptyRate = empty.result.requests.total / empty.seconds;

  say("a bare single-row INSERT through a pool of the app's size…");
  const pool = new pg.Pool({ connectionString: database.url, max: POOL_SIZE });
  await pool.query(`CREATE TABLE bench_insert (id text PRIMARY KEY, body jsonb)`);
  const inserts = 3000;
  let next = 0;
  const insertStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < inserts) await pool.query(`INSERT INTO bench_insert (id, body) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [`row_${next++}`, storm.events[0]]);
    }),
  );
  const insertRate = inserts / ((performance.now() - insertStarted) / 1000);
  await pool.end();

  const all = [...storm.events.slice(20), ...spread.events];
  say(`ingest: ${storm.events.length - 20} storm events, 20 connections, as fast as they go…`);
  let cursor = 0;
  const ingest = await blast({ connections: CONNECTIONS, amount: storm.events.length - 20, timeout: 30 }, () => signed(all[cursor++] as string));
  const ingestRate = ingest.result.requests.total / ingest.seconds;
  const halfRate = Math.max(10, Math.floor(ingestRate / 2));
  say(`ingest at half that rate (${halfRate}/s): ${spread.events.length} spread events…`);
  const paced = await blast({ connections: CONNECTIONS, overallRate: halfRate, amount: spread.events.length, timeout: 30 }, () =>
    signed(all[cursor++] as string),
  );
  const non2xx = ingest.result.non2xx + paced.result.non2xx + ingest.result.errors + paced.result.errors;
  const recorded = await count(`SELECT count(*) FROM "StripeEvent"`);

  const cpuNotes: string[] = [];
  /** One worker process drains what is pending among `ids`; its rate. */
  async function drain(label: string, events: string[]) {
    const ids = events.map((body) => (JSON.parse(body) as { id: string }).id);
    // Only this half is due: the other waits.
    await db.query(`UPDATE "StripeEvent" SET "nextAttemptAt" = NOW() + interval '1 hour' WHERE NOT (id = ANY($1))`, [ids]);
    await db.query(`UPDATE "StripeEvent" SET "nextAttemptAt" = NOW() WHERE id = ANY($1)`, [ids]);
    const worker = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
      cwd: root,
      env: { ...bench.env, DATABASE_POOL_SIZE: String(POOL_SIZE) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    // Started when the worker takes its first event (process start-up is not processing). Only
    // this half is due, so "pending and due" is what is left of it: a cheap count to poll.
    const left = () => count(`SELECT count(*) FROM "StripeEvent" WHERE state = 'pending' AND "nextAttemptAt" <= NOW() + interval '1 minute'`);
    while ((await left()) === ids.length) await sleep(20);
    const started = performance.now();
    const cpuAtStart = { worker: treeCpuMs(worker.pid), sandbox: process.cpuUsage(), postgres: postgresCpuMs() };
    const settledAtStart = ids.length - (await left());
    const deadline = Date.now() + 5 * 60_000;
    while ((await left()) > 0 && Date.now() < deadline) await sleep(100);
    const seconds = (performance.now() - started) / 1000;
    const sandboxCpu = process.cpuUsage(cpuAtStart.sandbox);
    const cpu = {
      worker: treeCpuMs(worker.pid) - cpuAtStart.worker,
      // The sandbox runs in this process (with the polling above, a small part).
      sandbox: (sandboxCpu.user + sandboxCpu.system) / 1000,
      postgres: postgresCpuMs() - cpuAtStart.postgres,
    };
    worker.kill("SIGTERM");
    await new Promise((resolve) => worker.once("exit", resolve));
    const done = ids.length - settledAtStart;
    const perEvent = (ms: number) => (ms / done).toFixed(2);
    say(`${label}: ${ids.length} events in ${seconds.toFixed(1)} s`);
    cpuNotes.push(
      `${label}: CPU per event ${perEvent(cpu.worker)} ms in the worker, ${perEvent(cpu.sandbox)} ms in the sandbox, ${perEvent(cpu.postgres)} ms in PostgreSQL; ${((cpu.worker + cpu.sandbox + cpu.postgres) / 10 / seconds).toFixed(0)}% of one core busy of ${availableParallelism() * 100}%`,
    );
    return done / seconds;
  }
  const stormRate = await drain("one organisation", storm.events.slice(20).concat(storm.events.slice(0, 20)));
  const spreadRate = await drain("ten organisations", spread.events);
  say(`ingesting ${renewals.events.length} renewal invoice.paid events…`);
  let renewalCursor = 0;
  await blast({ connections: CONNECTIONS, amount: renewals.events.length, timeout: 30 }, () => signed(renewals.events[renewalCursor++] as string));
  const renewalRate = await drain("renewals", renewals.events);

  // Correctness.
  const problems: string[] = [];
  const states = await db.query<{ state: string; count: string }>(`SELECT state, count(*) FROM "StripeEvent" GROUP BY state`);
  const notProcessed = states.rows.filter((row) => row.state !== "processed");
  if (notProcessed.length > 0) problems.push(`events not processed: ${JSON.stringify(notProcessed)}`);
  for (const prepared of [storm, spread]) {
    const txns = await stripe.balanceTransactions.list({ limit: 100 }, { stripeAccount: prepared.account }).autoPagingToArray({ limit: 10_000 });
    const bySource = new Map<string, Stripe.BalanceTransaction[]>();
    for (const txn of txns) if (typeof txn.source === "string") bySource.set(txn.source, [...(bySource.get(txn.source) ?? []), txn]);
    const ledger = await db.query<{
      type: string;
      stripeObjectId: string;
      stripeBalanceTransactionId: string | null;
      settlementAmount: string;
      settlementFee: string;
      settlementNet: string;
      settlementCurrency: string;
    }>(
      `SELECT l.type, l."stripeObjectId", l."stripeBalanceTransactionId", l."settlementAmount", l."settlementFee", l."settlementNet", l."settlementCurrency"
       FROM "LedgerEntry" l JOIN "Donation" d ON d.id = l."donationId" WHERE d."stripeAccountId" = $1`,
      [prepared.account],
    );
    const expected = txns.filter((txn) => ["charge", "payment", "refund", "adjustment"].includes(txn.type)).length;
    if (ledger.rows.length !== expected) problems.push(`${prepared.account}: ${ledger.rows.length} ledger entries for ${expected} balance transactions`);
    for (const entry of ledger.rows) {
      const txn = txns.find((candidate) => candidate.id === entry.stripeBalanceTransactionId);
      if (
        !txn ||
        BigInt(txn.amount) !== BigInt(entry.settlementAmount) ||
        BigInt(txn.fee) !== BigInt(entry.settlementFee) ||
        BigInt(txn.net) !== BigInt(entry.settlementNet) ||
        txn.currency.toUpperCase() !== entry.settlementCurrency
      ) {
        problems.push(`ledger entry ${entry.type} ${entry.stripeObjectId} does not match its balance transaction`);
      }
    }
  }
  const installments = await count(
    `SELECT count(*) FROM "Donation" d WHERE d."recurringDonationId" LIKE 'rec_bench_%' AND d.status = 'succeeded' AND d."receiptNumber" IS NOT NULL
       AND EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l."donationId" = d.id AND l.type = 'donation_received')`,
  );
  if (installments !== renewals.events.length) problems.push(`${installments} booked installments for ${renewals.events.length} renewals`);
  const donations = await count(
    `SELECT count(*) FROM "Donation" WHERE id LIKE 'don_storm_%' OR id LIKE 'don_spread_%' OR "recurringDonationId" LIKE 'rec_bench_%'`,
  );
  const receipts = await count(`SELECT count(DISTINCT "dedupeKey") FROM "OutboxEmail" WHERE kind = 'receipt'`);
  if (receipts !== donations) problems.push(`${receipts} receipts for ${donations} donations`);
  const gaps = await db.query<{ organisationId: string; n: string; max: number }>(
    `SELECT "organisationId", count(*) AS n, max("receiptNumber") AS max FROM "Donation" WHERE "receiptNumber" IS NOT NULL GROUP BY "organisationId" HAVING count(*) <> max("receiptNumber")`,
  );
  if (gaps.rows.length > 0) problems.push(`receipt numbers with gaps: ${JSON.stringify(gaps.rows)}`);
  const wrongStatus = await count(
    `SELECT count(*) FROM "Donation" d WHERE (d.id LIKE 'don_%') AND d.status <> CASE WHEN EXISTS (SELECT 1 FROM "Dispute" x WHERE x."donationId" = d.id) THEN 'disputed'::"DonationStatus" WHEN d."refundedAmount" > 0 THEN 'partially_refunded'::"DonationStatus" ELSE 'succeeded'::"DonationStatus" END`,
  );
  if (wrongStatus > 0) problems.push(`${wrongStatus} donations with a status their facts do not give`);
  await db.end();

  console.log("");
  console.log(
    `Webhooks on ${POOL_SIZE} pool connections, one app instance, one worker, sandbox on loopback (${DONATIONS * 2} donations, ${storm.events.length + spread.events.length} events)`,
  );
  console.log(
    `ingest: ${ingestRate.toFixed(0)} events/s, ${((100 * ingestRate) / emptyRate).toFixed(0)}% of an empty route (${emptyRate.toFixed(0)}/s); a bare INSERT through the pool: ${insertRate.toFixed(0)}/s; target at least 60%`,
  );
  console.log(
    `  at ${halfRate} events/s (half the ingest rate): p50 ${paced.result.latency.p50} ms, p99 ${paced.result.latency.p99} ms (target under 50 ms); answers other than 2xx: ${non2xx}; recorded ${recorded}`,
  );
  console.log(
    `processing: ${Math.min(stormRate, spreadRate).toFixed(0)} events/s to a booked ledger entry and queued receipt (one organisation, every gift numbered in turn: ${stormRate.toFixed(0)}/s; ten organisations: ${spreadRate.toFixed(0)}/s); target at least 500/s`,
  );
  // A one-off gift takes several events (payment_intent.succeeded, charge.succeeded, charge.updated,
  // refunds, disputes); a renewal one invoice.paid: compared per gift booked, and per event.
  const oneOffGifts = Math.min((stormRate * DONATIONS) / storm.events.length, (spreadRate * DONATIONS) / spread.events.length);
  const oneOffEvents = Math.min(stormRate, spreadRate);
  console.log(
    `renewals: ${renewalRate.toFixed(0)} invoice.paid/s, each an installment booked with its receipt and ledger entry (${renewals.events.length} subscriptions over ten organisations); one-off gifts booked ${oneOffGifts.toFixed(0)}/s (${oneOffEvents.toFixed(0)} events/s): renewals at ${((100 * renewalRate) / oneOffGifts).toFixed(0)}% of the one-off gift rate (target at least 75%), ${((100 * renewalRate) / oneOffEvents).toFixed(0)}% of its event rate`,
  );
  for (const note of cpuNotes) console.log(`  ${note}`);
  console.log(
    problems.length === 0
      ? "correctness: every ledger entry matches its balance transaction; one receipt per donation; receipt numbers without gaps; statuses from the facts"
      : `correctness: ${problems.length} problem(s)`,
  );
  for (const problem of problems.slice(0, 20)) console.log(`  - ${problem}`);
  return non2xx === 0 && problems.length === 0 && renewalRate >= 0.75 * oneOffGifts;
});

/** CPU time (user + system) a process has used, from /proc; 0 where there is no /proc. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** CPU time of a process and its descendants (`tsx` runs the worker in a child process). */
function treeCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    // gone meanwhile
  }
  return cpuMs(pid) + children.reduce((sum, child) => sum + treeCpuMs(child), 0);
}

/** CPU time of every PostgreSQL server process on this machine. */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim().startsWith("postgres")) total += cpuMs(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const CLOCK_TICKS = 100;

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
