// npm run bench:webhooks - throughput and latency of POST /api/webhooks/stripe on this machine.
//
// A production build (`npm start`; BENCH_INSTANCES=2 runs one per core, as a deployment would) on
// a fresh database on the local PostgreSQL, the Stripe sandbox on loopback, and N
// `payment_intent.succeeded` events, each for its own existing donation with a unique event id,
// signed just before sending. Phase 1 sends them over 20 connections as fast as they go (throughput);
// phase 2 sends 100 per second for 10 seconds (latency percentiles). Every event must be answered
// 200 and end as one processed row and one ledger entry. Loopback only, bounded counts and time.
import { availableParallelism } from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import Stripe from "stripe";
import { SandboxControl } from "../../sandbox/client";
import { signPayload } from "../../sandbox/webhooks";
import { runBench, say } from "./support";

const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const RATE = 100;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const RATE_SECONDS = 10;
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const APPS = Array.from({ length: INSTANCES }, (_, i) => `http://127.0.0.1:${PORT + i}`);
const APP = APPS[0] as string;

runBench("bench", APP, 15, async (bench) => {
  const { database, sandbox } = bench;
  const control = new SandboxControl(sandbox.url, sandbox.keys.secretKey);
  const stripe = new Stripe(sandbox.keys.secretKey, { host: "127.0.0.1", port: sandbox.port, protocol: "http", maxNetworkRetries: 0 });

  const total = THROUGHPUT_EVENTS + RATE * RATE_SECONDS;
  say(`preparing ${total} donations, each paid on the sandbox…`);
  const account = (await control.createAccount({ country: "DE", business_name: "Bench Charity" })).id;
  const db = new pg.Client({ connectionString: database.url });
  db.on("error", () => undefined);
  await db.connect();
  const org = await db.query<{ id: string }>(
    `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "stripeChargesEnabled", "updatedAt")
     VALUES ('org_bench', 'bench', 'Bench Charity', 'bench@example.org', 'DE', 'EUR', '{EUR}', $1, true, NOW()) RETURNING id`,
    [account],
  );
  const organisationId = org.rows[0]?.id as string;
  const events: string[] = [];
  for (let i = 0; i < total; i++) {
    const donationId = `don_bench_${i}`;
    await db.query(`INSERT INTO "Donor" (id, "organisationId", email, "updatedAt") VALUES ($1, $2, $3, NOW())`, [
      `dnr_bench_${i}`,
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
      `INSERT INTO "Donation" (id, "organisationId", "donorId", amount, "chargedAmount", currency, "stripePaymentIntentId", "updatedAt") VALUES ($1, $2, $3, $4, $4, 'EUR', $5, NOW())`,
      [donationId, organisationId, `dnr_bench_${i}`, intent.amount, intent.id],
    );
    if (i % 500 === 499) say(`  ${i + 1}/${total}`);
  }
  for (const { event } of await control.events({ account, type: "payment_intent.succeeded" })) events.push(JSON.stringify(event));
  if (events.length !== total) throw new Error(`expected ${total} events, got ${events.length}`);

  say(`starting ${INSTANCES} × npm start…`);
  // BENCH_PROFILE=dir writes a CPU profile of the first server there; BENCH_NODE_FLAGS tunes Node.
  await bench.startServers(
    APPS.map((_, i) => PORT + i),
    { nodeFlags: (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean), profileDir: process.env.BENCH_PROFILE },
  );
  // Warm up route compilation and connections with a handful of events.
  let next = 0;
  const request = () => {
    const body = events[next++] as string;
    return {
      method: "POST" as const,
      path: "/api/webhooks/stripe",
      headers: { "content-type": "application/json", "stripe-signature": signPayload(body, sandbox.keys.connectWebhookSecret) },
      body,
    };
  };
  for (let i = 0; i < 20; i++) await fetch(`${APPS[i % INSTANCES]}/api/webhooks/stripe`, request());

  let lastResponse = 0;
  const run = (options: Omit<autocannon.Options, "url">) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      // autocannon spreads connections over several URLs (its types only admit one).
      const instance = autocannon(
        { url: APPS as unknown as string, ...options, requests: [{ setupRequest: (r) => ({ ...r, ...request() }) }] },
        (error: Error | null, result) => (error ? reject(error) : resolve(result)),
      );
      // autocannon reports on a one-second tick; time the run by its last answer instead.
      instance.on("response", () => (lastResponse = performance.now()));
    });

  say(`phase 1: ${THROUGHPUT_EVENTS - 20} events, ${CONNECTIONS} connections, as fast as they go`);
  const started = performance.now();
  const throughput = await run({ connections: CONNECTIONS, amount: THROUGHPUT_EVENTS - 20, timeout: 30 });
  const seconds = (lastResponse - started) / 1000;
  say(`phase 2: ${RATE} events per second for ${RATE_SECONDS} s`);
  const paced = await run({ connections: 20, overallRate: RATE, amount: RATE * RATE_SECONDS, timeout: 30 });

  const processed = Number((await db.query<{ count: string }>(`SELECT count(*) FROM "ProcessedStripeEvent"`)).rows[0]?.count);
  const ledger = Number((await db.query<{ count: string }>(`SELECT count(*) FROM "LedgerEntry" WHERE type = 'donation_received'`)).rows[0]?.count);
  const succeeded = Number((await db.query<{ count: string }>(`SELECT count(*) FROM "Donation" WHERE status = 'succeeded'`)).rows[0]?.count);
  await db.end();

  const non2xx = throughput.non2xx + paced.non2xx + throughput.errors + paced.errors;
  console.log("");
  console.log(
    `POST /api/webhooks/stripe, payment_intent.succeeded, each for its own donation (verify, Stripe read, ledger, receipt, commit); ${INSTANCES} app instance(s) on ${availableParallelism()} cores`,
  );
  console.log(
    `  throughput (${CONNECTIONS} connections): ${(throughput.requests.total / seconds).toFixed(0)} events/s (${throughput.requests.total} events in ${seconds.toFixed(1)} s); latency p50 ${throughput.latency.p50} ms, p99 ${throughput.latency.p99} ms`,
  );
  console.log(
    `  at ${RATE} events/s: p50 ${paced.latency.p50} ms, p90 ${paced.latency.p90} ms, p99 ${paced.latency.p99} ms, max ${paced.latency.max} ms over ${paced.requests.total} events`,
  );
  console.log(`  answers other than 2xx: ${non2xx}; processed rows ${processed}, ledger entries ${ledger}, donations succeeded ${succeeded} (of ${total})`);
  return non2xx === 0 && processed === total && ledger === total && succeeded === total;
});
