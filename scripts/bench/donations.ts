// npm run bench:donations - the donation page's size and speed, and POST /api/donations' own time.
//
// 1. The JavaScript Chromium downloads to load /give/[orgSlug] (compressed, as `npm start` serves
//    it), Stripe.js excluded: budget 155 kB (15% above an empty Next 16 page with one small form).
// 2. GET /give/[orgSlug] served by `npm start`: p50 over 500 requests (budget 20 ms).
// 3. POST /api/donations: p50 of Amply's own time, the total minus the time waiting on Stripe, as
//    the route reports it in Server-Timing (budget 50 ms). Loopback only, bounded counts.
// 4. /embed.js as served, gzipped with zlib: ceiling 5 kB (it runs on organisations' own sites).
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { chromium } from "@playwright/test";
import { SandboxControl } from "../../sandbox/client";
import { CHROMIUM_LAUNCH } from "../support/chromium";
import { percentile, runBench, say } from "./support";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const APP = `http://127.0.0.1:${PORT}`;
const PAGE_REQUESTS = 500;
const DONATIONS = 300;
const EMBED_CEILING_BYTES = 5 * 1024;

runBench("bench_give", APP, 10, async (bench) => {
  const control = new SandboxControl(bench.sandbox.url, bench.sandbox.keys.secretKey);
  const account = (await control.createAccount({ country: "DE", business_name: "Bench Charity" })).id;
  const db = new pg.Client({ connectionString: bench.database.url });
  db.on("error", () => undefined);
  await db.connect();
  await db.query(
    `INSERT INTO "Organisation" (id, slug, name, email, country, "defaultCurrency", "acceptedCurrencies", "stripeAccountId", "stripeChargesEnabled", "updatedAt")
     VALUES ('org_give_bench', 'bench', 'Bench Charity', 'bench@example.org', 'DE', 'EUR', '{EUR,GBP,USD}', $1, true, NOW())`,
    [account],
  );
  await db.query(
    `INSERT INTO "FeeRate" ("organisationId", currency, "percentBps", "fixedMinor", "updatedAt") VALUES ('org_give_bench', 'EUR', 150, 25, NOW())`,
  );
  await db.query(`INSERT INTO "Fund" (id, "organisationId", slug, name) VALUES ('fund_bench', 'org_give_bench', 'general', 'General fund')`);
  await db.end();
  await bench.startServers([PORT]);

  say("loading the page in Chromium…");
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage();
  const scripts: Array<{ url: string; bytes: number }> = [];
  page.on("requestfinished", async (request) => {
    if (request.resourceType() !== "script") return;
    const sizes = await request.sizes();
    scripts.push({ url: request.url(), bytes: sizes.responseBodySize });
  });
  await page.goto(`${APP}/give/bench`, { waitUntil: "networkidle" });
  await page.getByTestId("stripe-sandbox-payment-element").waitFor();
  await browser.close();
  const stripeJs = scripts.filter((s) => s.url.startsWith(bench.sandbox.url));
  const own = scripts.filter((s) => !s.url.startsWith(bench.sandbox.url));
  const kB = (bytes: number) => (bytes / 1024).toFixed(1);
  const ownBytes = own.reduce((sum, s) => sum + s.bytes, 0);

  say(`GET /give/bench × ${PAGE_REQUESTS}…`);
  await fetch(`${APP}/give/bench`);
  const pageRun = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url: `${APP}/give/bench`, connections: 1, amount: PAGE_REQUESTS }, (error: Error | null, result) => (error ? reject(error) : resolve(result))),
  );

  say(`POST /api/donations × ${DONATIONS}…`);
  const own_ms: number[] = [];
  const stripe_ms: number[] = [];
  const total_ms: number[] = [];
  let failed = 0;
  for (let i = 0; i < DONATIONS; i++) {
    const started = performance.now();
    const response = await fetch(`${APP}/api/donations`, {
      method: "POST",
      // As the donation page sends it (same origin), from many donors behind the bench's trusted proxy.
      headers: { "content-type": "application/json", origin: APP, "idempotency-key": randomUUID(), "x-forwarded-for": `10.0.${i % 200}.${(i >> 8) + 1}` },
      body: JSON.stringify({
        organisation: "bench",
        amount: 2500,
        currency: "EUR",
        coverFee: true,
        // What the page shows for 25.00 EUR with the fee covered at the bench organisation's card rate.
        expectedTotal: 2563,
        donor: { name: "Bench Donor", email: `donor${i}@example.org` },
      }),
    });
    total_ms.push(performance.now() - started);
    await response.arrayBuffer();
    if (response.status !== 201) failed++;
    const timing = response.headers.get("server-timing") ?? "";
    own_ms.push(Number(/app;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
    stripe_ms.push(Number(/stripe;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN));
  }

  const embedScript = Buffer.from(await (await fetch(`${APP}/embed.js`)).arrayBuffer());
  const embedGzipped = gzipSync(embedScript, { level: 9 }).byteLength;

  console.log("");
  console.log(
    `/embed.js: ${(embedGzipped / 1024).toFixed(2)} kB gzipped (ceiling ${EMBED_CEILING_BYTES / 1024} kB), ${(embedScript.byteLength / 1024).toFixed(2)} kB as served`,
  );
  console.log(
    `/give/[orgSlug] JavaScript (compressed, as served), Stripe.js excluded: ${kB(ownBytes)} kB in ${own.length} files (budget 155 kB); Stripe.js ${kB(stripeJs.reduce((s, x) => s + x.bytes, 0))} kB`,
  );
  console.log(
    `GET /give/[orgSlug] from npm start: p50 ${pageRun.latency.p50} ms, p99 ${pageRun.latency.p99} ms over ${pageRun.requests.total} requests (budget p50 20 ms); non-2xx ${pageRun.non2xx}`,
  );
  console.log(
    `POST /api/donations over ${DONATIONS}: Amply's own time p50 ${percentile(own_ms, 0.5).toFixed(1)} ms, p99 ${percentile(own_ms, 0.99).toFixed(1)} ms (budget p50 50 ms); waiting on Stripe p50 ${percentile(stripe_ms, 0.5).toFixed(1)} ms; total p50 ${percentile(total_ms, 0.5).toFixed(1)} ms; failures ${failed}`,
  );
  return failed === 0 && pageRun.non2xx === 0 && embedGzipped <= EMBED_CEILING_BYTES;
});
