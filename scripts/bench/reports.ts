// npm run bench:reports - the transaction report and the donations view, in this process (Amply's
// own code, no HTTP route in between), on a fresh database and sandbox of their own.
//
// 1. Transaction report of 10,000 charges against the sandbox, written as CSV: wall time (ceiling
//    5 s), the number of requests sent to Stripe (100 charges a page), and how far the heap grows
//    while it streams (it must stay flat: one page at a time, ceiling 32 MB over the start).
// 2. Donations view on 100,000 donations of one organisation: the first page and a filtered page
//    (status + currency), p50 of 50 runs each (ceiling 50 ms).
import pg from "pg";
import Stripe from "stripe";
import { SandboxControl } from "../../sandbox/client";
import { startSandbox } from "../../sandbox/server";
import { createTestDatabase } from "../support/test-database";
import { percentile, say } from "./support";

const CHARGES = Number(process.env.BENCH_CHARGES ?? 10_000);
const DONATIONS = Number(process.env.BENCH_DONATIONS ?? 100_000);
const REPORT_CEILING_MS = 5_000;
const HEAP_CEILING_MB = 32;
const VIEW_CEILING_MS = 50;

const line = (label: string, value: string, ceiling: string, ok: boolean) => console.log(`${ok ? "ok  " : "OVER"} ${label}: ${value} (ceiling ${ceiling})`);

async function main() {
  process.env.DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/postgres";
  const database = await createTestDatabase("bench_reports");
  const sandbox = await startSandbox({ quiet: true, webhookUrl: undefined, captureDelayMs: 0 });
  const guard = setTimeout(() => {
    console.error("[bench] took longer than 5 minutes; stopping");
    void Promise.all([sandbox.stop(), database.drop()]).then(() => process.exit(1));
  }, 5 * 60_000);
  let ok = true;
  try {
    Object.assign(process.env, sandbox.env, {
      DATABASE_URL: database.url,
      APP_URL: "http://127.0.0.1:3399",
      AUTH_SECRET: "bench-secret-0123456789-bench-secret",
      AMPLY_E2E: "1",
      AMPLY_WORKER_IN_PROCESS: "0",
    });
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const control = new SandboxControl(sandbox.url, sandbox.keys.secretKey);
    const url = new URL(sandbox.url);
    const stripe = new Stripe(sandbox.keys.secretKey, { host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries: 0 });
    const account = (await control.createAccount({ country: "DE", business_name: "Bench Reports" })).id;
    await control.captureSettings(account, { delay_ms: 0 });
    await db.query(
      `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "stripeChargesEnabled", "updatedAt")
       VALUES ('org_reports', 'bench-reports', 'Bench Reports', 'reports@example.org', 'DE', 'EUR', '{EUR,GBP}', $1, true, NOW())`,
      [account],
    );

    say(`paying ${CHARGES} charges on the sandbox…`);
    const started = Date.now();
    for (let i = 0; i < CHARGES; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, CHARGES - i) }, (_, j) =>
          stripe.paymentIntents.create(
            {
              amount: 1000 + ((i + j) % 500),
              currency: "eur",
              confirm: true,
              payment_method: "pm_card_visa",
              automatic_payment_methods: { enabled: true, allow_redirects: "never" },
            },
            { stripeAccount: account },
          ),
        ),
      );
    }
    say(`paid in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    say(`inserting ${DONATIONS} donations…`);
    await db.query(`INSERT INTO "Fund" (id, "organisationId", slug, name) VALUES ('fund_bench', 'org_reports', 'general', 'General')`);
    await db.query(
      `INSERT INTO "Donor" (id, "organisationId", email, name, "updatedAt")
       SELECT 'dnr_' || g, 'org_reports', 'donor' || g || '@example.org', 'Donor ' || g, NOW() FROM generate_series(1, 5000) g`,
    );
    await db.query(
      `INSERT INTO "Donation" (id, "organisationId", "donorId", "donorName", "fundId", amount, "chargedAmount", currency, status, "paymentStatus", "receiptNumber", "createdAt", "updatedAt")
       SELECT 'don_' || g, 'org_reports', 'dnr_' || (g % 5000 + 1), 'Donor ' || (g % 5000 + 1), CASE WHEN g % 4 = 0 THEN 'fund_bench' END,
              1000 + g % 500, 1000 + g % 500, CASE WHEN g % 5 = 0 THEN 'GBP' ELSE 'EUR' END,
              (CASE WHEN g % 10 = 0 THEN 'refunded' WHEN g % 3 = 0 THEN 'pending' ELSE 'succeeded' END)::"DonationStatus",
              (CASE WHEN g % 3 = 0 THEN 'pending' ELSE 'succeeded' END)::"DonationStatus",
              CASE WHEN g % 3 <> 0 THEN g END, NOW() - (g || ' minutes')::interval, NOW()
       FROM generate_series(1, $1::int) g`,
      [DONATIONS],
    );
    await db.query(`ANALYZE "Donation"; ANALYZE "Donor"`);
    await db.end();

    const { openTransactionReport } = await import("../../lib/reports/transaction-report");
    const { transactionCsv } = await import("../../lib/reports/stream-report");
    const { listDonations } = await import("../../lib/donations/list-donations");
    const { parseDonationFilters } = await import("../../lib/donations/donation-filters");
    const today = new Date().toISOString().slice(0, 10);

    // A server's pool is warm: open it (and load Prisma) before the clock starts.
    await listDonations("org_reports", {}, "UTC");
    const { db: prismaClient } = await import("../../lib/db/client");
    await prismaClient.organisation.findUnique({ where: { id: "org_reports" } });
    say("transaction report…");
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const reportStart = performance.now();
    const report = await openTransactionReport("org_reports", { from: today, to: today }, "UTC");
    const reader = transactionCsv(report).getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) lines++;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    const reportMs = performance.now() - reportStart;
    const growthMb = (heapPeak - heapBefore) / 1024 / 1024;
    const rows = lines - 1;
    ok &&= rows === CHARGES;
    line(
      `transaction report, ${rows} charges as CSV (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
      `${Math.round(reportMs)} ms`,
      `${REPORT_CEILING_MS} ms`,
      reportMs < REPORT_CEILING_MS,
    );
    say(`of which waiting on the sandbox's answers: ${Math.round(report.stripeMs())} ms`);
    line(
      "Stripe requests for it (100 charges a page)",
      String(report.requests()),
      String(Math.ceil(CHARGES / 100)),
      report.requests() <= Math.ceil(CHARGES / 100) + 1,
    );
    line("heap growth while streaming", `${growthMb.toFixed(1)} MB`, `${HEAP_CEILING_MB} MB`, growthMb < HEAP_CEILING_MB);
    ok &&= reportMs < REPORT_CEILING_MS && growthMb < HEAP_CEILING_MB;

    const time = async (query: Record<string, string>) => {
      const { filters } = parseDonationFilters(query);
      const runs: number[] = [];
      let count = 0;
      for (let i = 0; i < 55; i++) {
        const start = performance.now();
        const page = await listDonations("org_reports", filters, "UTC");
        if (i >= 5) runs.push(performance.now() - start);
        count = page.rows.length;
      }
      return { p50: percentile(runs, 0.5), count };
    };
    say(`donations view on ${DONATIONS} donations…`);
    const first = await time({});
    line(`donations view, first page (${first.count} rows)`, `${first.p50.toFixed(1)} ms p50`, `${VIEW_CEILING_MS} ms`, first.p50 < VIEW_CEILING_MS);
    const filtered = await time({ status: "succeeded", currency: "GBP" });
    line(
      `donations view, filtered page (status + currency, ${filtered.count} rows)`,
      `${filtered.p50.toFixed(1)} ms p50`,
      `${VIEW_CEILING_MS} ms`,
      filtered.p50 < VIEW_CEILING_MS,
    );
    const fund = await time({ fund: "fund_bench", kind: "one_off" });
    line(
      `donations view, filtered page (fund + one-off, ${fund.count} rows)`,
      `${fund.p50.toFixed(1)} ms p50`,
      `${VIEW_CEILING_MS} ms`,
      fund.p50 < VIEW_CEILING_MS,
    );
    for (const [label, q] of [
      ["email search", "donor42@"],
      ["receipt number search", "R-000100"],
    ] as const) {
      const search = await time({ q });
      line(`donations view, ${label} (${search.count} rows)`, `${search.p50.toFixed(1)} ms p50`, `${VIEW_CEILING_MS} ms`, search.p50 < VIEW_CEILING_MS);
    }
    // A name is matched anywhere in it (ILIKE '%...%', no index): the walk stops when a page is full,
    // so a rare name reads the whole organisation. Shown for information (docs/reports.md#donations-view).
    const name = await time({ q: "Donor 4242" });
    say(`donations view, rare name search (${name.count} rows): ${name.p50.toFixed(1)} ms p50 (no ceiling: a substring scan)`);
    ok &&= first.p50 < VIEW_CEILING_MS && filtered.p50 < VIEW_CEILING_MS && fund.p50 < VIEW_CEILING_MS;
    const { db: prisma } = await import("../../lib/db/client");
    const { sharedPool } = await import("../../lib/db/sql");
    await prisma.$disconnect();
    await sharedPool()
      .end()
      .catch(() => undefined);
  } finally {
    clearTimeout(guard);
    await sandbox.stop();
    await database.drop();
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
