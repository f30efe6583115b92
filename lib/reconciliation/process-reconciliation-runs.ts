// The worker's side of reconciliation (docs/reports.md#reconciliation): take a run nobody holds and
// read Stripe's side of its range one page at a time (100 objects), per account: charges with their
// balance transaction expanded, refunds, then balance transactions. Each page is compared with
// Amply's records in a few SQL statements, and its differences, the ledger entries it matched, the
// counters and the cursor are written in one transaction. Last, the ledger entries of the range that
// no balance transaction matched are looked up one by one: those Stripe does not have are
// differences. Memory holds one page however long the range; a worker that dies lets another take
// the run over after its lease, from the last page written.
import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { db } from "@/lib/db/client";
import { claimLeasedRun } from "@/lib/jobs/claim-leased-run";
import { Prisma, type ReconciliationRun } from "@/lib/db/generated/client.ts";
import { sql } from "@/lib/db/sql";
import { log } from "@/lib/logger";
import { nextDay, startOfDay } from "@/lib/organisations/time-zone";
import { accountsOf } from "@/lib/reports/transaction-report";
import { isAccessRevoked, isNotFound } from "@/lib/stripe/errors";
import { idOf } from "@/lib/stripe/ids";
import { listBalanceTransactionsPage } from "@/lib/stripe/list-balance-transactions-page";
import { listChargesPage } from "@/lib/stripe/list-charges";
import { listRefundsPage } from "@/lib/stripe/list-refunds-page";
import { retrieveBalanceTransaction } from "@/lib/stripe/retrieve-balance-transaction";
import {
  compareBalanceTransaction,
  compareCharge,
  compareRefund,
  ledgerTypeOf,
  missingInStripe,
  type Difference,
  type DonationSide,
  type LedgerSide,
  type RefundSide,
} from "./compare";

const LEASE_MS = 2 * 60_000;
const LEDGER_PAGE = 100;

class LeaseLost extends Error {}

type Phase = "charges" | "refunds" | "balance_transactions" | "ledger";
/** Where the run stands: the account (by its place in the organisation's list), the list being read, the last object handled. */
type Cursor = { account: number; phase: Phase; after: string | null };

type Options = {
  leaseMs?: number;
  /** Pages before the worker lets go of the run (and lets the outbox have a turn). */
  maxPages?: number;
  /** Called after each committed page (tests stop a worker here, as a crash would). */
  afterPage?: () => void | Promise<void>;
};

/** What one page did, written in one transaction. */
type Step = {
  next: Cursor | null;
  pages: number;
  requests: number;
  charges?: number;
  refunds?: number;
  balanceTransactions?: number;
  ledgerEntries?: number;
  feesPending?: number;
  differences: Difference[];
  seen?: bigint[];
  unreadable?: string;
};

type Window = { gte: number; lt: number };

function claimRun(leaseMs: number): Promise<ReconciliationRun | null> {
  return claimLeasedRun<ReconciliationRun>("ReconciliationRun", leaseMs);
}

const FIRST: Cursor = { account: 0, phase: "charges", after: null };

function cursorOf(value: unknown): Cursor {
  if (value && typeof value === "object" && "phase" in value && "account" in value) return value as Cursor;
  return FIRST;
}

type Fetched =
  | { phase: "charges"; account: string; page: Stripe.ApiList<Stripe.Charge> }
  | { phase: "refunds"; account: string; page: Stripe.ApiList<Stripe.Refund> }
  | { phase: "balance_transactions"; account: string; page: Stripe.ApiList<Stripe.BalanceTransaction> }
  | { phase: "revoked"; account: string };

/** Ask Stripe for the page at the cursor (one request). An account that no longer lets Amply in answers `revoked`. */
async function fetchPage(cursor: Cursor, accounts: string[], window: Window): Promise<Fetched | null> {
  const account = accounts[cursor.account];
  if (cursor.phase === "ledger" || account === undefined) return null;
  const after = cursor.after ?? undefined;
  try {
    if (cursor.phase === "charges")
      return { phase: "charges", account, page: await listChargesPage(account, window, after, { expandBalanceTransaction: false }) };
    if (cursor.phase === "refunds") return { phase: "refunds", account, page: await listRefundsPage(account, window, after) };
    return { phase: "balance_transactions", account, page: await listBalanceTransactionsPage(account, window, after) };
  } catch (error) {
    if (!isAccessRevoked(error)) throw error;
    return { phase: "revoked", account };
  }
}

/** Where the cursor goes after this page: known from the page alone, so the next page can be asked for before this one is compared. */
function nextCursor(cursor: Cursor, fetched: Fetched): Cursor {
  const nextAccount: Cursor = { account: cursor.account + 1, phase: "charges", after: null };
  switch (fetched.phase) {
    case "revoked":
      return nextAccount;
    case "charges":
      return following(cursor, fetched.page, "refunds");
    case "refunds":
      return following(cursor, fetched.page, "balance_transactions");
    case "balance_transactions": {
      const last = fetched.page.data.at(-1);
      return fetched.page.has_more && last ? { ...cursor, after: last.id } : nextAccount;
    }
  }
}

/** Compare one page of Stripe's side with Amply's records. */
async function compareFetched(run: ReconciliationRun, fetched: Fetched, next: Cursor): Promise<Step> {
  const { account } = fetched;
  if (fetched.phase === "revoked") {
    // The account was disconnected on Stripe's side: what it holds cannot be compared. The run goes
    // on with the organisation's other accounts, and says so.
    return { next, pages: 0, requests: 1, differences: [], unreadable: account };
  }
  if (fetched.phase === "charges") {
    const { data } = fetched.page;
    const donations = await donationsOf(run.organisationId, data);
    const now = Date.now();
    let feesPending = 0;
    const differences: Difference[] = [];
    for (const charge of data) {
      const donation = donations.get(charge.id) ?? donations.get(idOf(charge.payment_intent) ?? "");
      const outcome = compareCharge(account, charge, donation, now);
      if (outcome.feePending) feesPending++;
      differences.push(...outcome.differences);
    }
    return { next, pages: 1, requests: 1, charges: data.length, feesPending, differences };
  }
  if (fetched.phase === "refunds") {
    const { data } = fetched.page;
    const recorded = await refundsOf(run.organisationId, data);
    const differences = data.flatMap((refund) => compareRefund(account, refund, recorded.get(refund.id)));
    return { next, pages: 1, requests: 1, refunds: data.length, differences };
  }
  const { data } = fetched.page;
  const { entries, donations } = await ledgerOf(run.organisationId, data);
  const byTxn = new Map(entries.filter((e) => e.stripeBalanceTransactionId).map((e) => [e.stripeBalanceTransactionId, e]));
  const bySource = new Map(entries.map((e) => [`${e.type}:${e.stripeObjectId}`, e]));
  const differences: Difference[] = [];
  const seen: bigint[] = [];
  let compared = 0;
  for (const txn of data) {
    const type = ledgerTypeOf(txn);
    if (!type) continue;
    compared++;
    const source = idOf(txn.source) ?? "";
    const entry = byTxn.get(txn.id) ?? bySource.get(`${type}:${source}`);
    if (entry) seen.push(entry.id);
    for (const difference of compareBalanceTransaction(account, txn, entry)) {
      differences.push({ ...difference, donationId: difference.donationId ?? donations.get(source) ?? null });
    }
  }
  return { next, pages: 1, requests: 1, balanceTransactions: compared, ledgerEntries: seen.length, differences, seen };
}

/** The next page of the same list, or the first of the next one. */
function following(cursor: Cursor, page: Stripe.ApiList<{ id: string }>, then: Phase): Cursor {
  const last = page.data.at(-1);
  return page.has_more && last ? { ...cursor, after: last.id } : { ...cursor, phase: then, after: null };
}

/**
 * Ledger entries booked in the range that no balance transaction matched, 100 at a time. Each is
 * looked up at Stripe: one booked late for money that moved before the range is fine; one Stripe
 * has on no account is a difference.
 */
async function ledgerStep(run: ReconciliationRun, after: string | null, accounts: string[], unreadable: string[], window: Window): Promise<Step> {
  const entries = await sql<LedgerSide>(Prisma.sql`
    SELECT le.id, le.type, le."donationId", le."stripeObjectId", le."stripeBalanceTransactionId", le.amount, le.currency,
           le."settlementAmount", le."settlementFee", le."settlementNet", le."settlementCurrency"
    FROM "LedgerEntry" le
    WHERE le."organisationId" = ${run.organisationId}
      AND le."createdAt" >= ${new Date(window.gte * 1000)} AND le."createdAt" < ${new Date(window.lt * 1000)}
      AND le.id > ${BigInt(after ?? "0")}
      AND NOT EXISTS (SELECT 1 FROM "ReconciliationSeenEntry" s WHERE s."runId" = ${run.id} AND s."ledgerEntryId" = le.id)
    ORDER BY le.id
    LIMIT ${LEDGER_PAGE}`);
  const readable = accounts.filter((account) => !unreadable.includes(account));
  let requests = 0;
  const differences: Difference[] = [];
  for (const entry of entries) {
    let found: { account: string; txn: Stripe.BalanceTransaction } | null = null;
    if (entry.stripeBalanceTransactionId) {
      for (const account of readable) {
        requests++;
        try {
          found = { account, txn: await retrieveBalanceTransaction(account, entry.stripeBalanceTransactionId) };
          break;
        } catch (error) {
          if (!isNotFound(error) && !isAccessRevoked(error)) throw error;
        }
      }
    }
    if (found) {
      // Money of another range, booked in this one: compared with Stripe all the same.
      differences.push(...compareBalanceTransaction(found.account, found.txn, entry));
    } else if (unreadable.length === 0) {
      // With an account Amply cannot read, an entry of that account cannot be told apart from one Stripe never made.
      differences.push(missingInStripe(entry, readable));
    }
  }
  const last = entries.at(-1);
  return {
    next: entries.length === LEDGER_PAGE && last ? { account: accounts.length, phase: "ledger", after: String(last.id) } : null,
    pages: 0,
    requests,
    ledgerEntries: entries.length,
    differences,
  };
}

/** The donations behind a page of charges, found by charge or by payment, in one statement. */
async function donationsOf(organisationId: string, charges: Stripe.Charge[]): Promise<Map<string, DonationSide>> {
  if (charges.length === 0) return new Map();
  const chargeIds = charges.map((charge) => charge.id);
  const intentIds = charges.map((charge) => idOf(charge.payment_intent)).filter((id) => id !== null);
  const found = await sql<DonationSide>(Prisma.sql`
    SELECT d.id, d."stripeChargeId", d."stripePaymentIntentId", d.status::text, d."paymentStatus"::text, d."chargedAmount", d."refundedAmount", d.currency,
           (SELECT count(*)::int FROM "Dispute" dp WHERE dp."donationId" = d.id) AS disputes
    FROM "Donation" d
    WHERE d."organisationId" = ${organisationId} AND (d."stripeChargeId" = ANY(${chargeIds}::text[]) OR d."stripePaymentIntentId" = ANY(${intentIds}::text[]))`);
  const byId = new Map<string, DonationSide>();
  for (const donation of found) {
    if (donation.stripeChargeId) byId.set(donation.stripeChargeId, donation);
    if (donation.stripePaymentIntentId) byId.set(donation.stripePaymentIntentId, donation);
  }
  return byId;
}

async function refundsOf(organisationId: string, refunds: Stripe.Refund[]): Promise<Map<string, RefundSide>> {
  if (refunds.length === 0) return new Map();
  const found = await sql<RefundSide>(Prisma.sql`
    SELECT "stripeRefundId", "donationId", amount, currency, status::text FROM "Refund"
    WHERE "organisationId" = ${organisationId} AND "stripeRefundId" = ANY(${refunds.map((refund) => refund.id)}::text[])`);
  return new Map(found.map((refund) => [refund.stripeRefundId, refund]));
}

/** The ledger entries of a page of balance transactions (by id, or by source), and the donations of their charges. */
async function ledgerOf(organisationId: string, txns: Stripe.BalanceTransaction[]) {
  if (txns.length === 0) return { entries: [] as LedgerSide[], donations: new Map<string, string>() };
  const ids = txns.map((txn) => txn.id);
  const sources = txns.map((txn) => idOf(txn.source)).filter((id) => id !== null);
  const entries = await sql<LedgerSide>(Prisma.sql`
    SELECT id, type, "donationId", "stripeObjectId", "stripeBalanceTransactionId", amount, currency,
           "settlementAmount", "settlementFee", "settlementNet", "settlementCurrency"
    FROM "LedgerEntry"
    WHERE "organisationId" = ${organisationId} AND ("stripeBalanceTransactionId" = ANY(${ids}::text[]) OR "stripeObjectId" = ANY(${sources}::text[]))`);
  const missing = sources.filter((source) => !entries.some((entry) => entry.stripeObjectId === source));
  const donations = new Map<string, string>();
  if (missing.length) {
    const found = await sql<{ id: string; stripeChargeId: string }>(Prisma.sql`
      SELECT id, "stripeChargeId" FROM "Donation" WHERE "organisationId" = ${organisationId} AND "stripeChargeId" = ANY(${missing}::text[])`);
    for (const donation of found) donations.set(donation.stripeChargeId, donation.id);
  }
  return { entries, donations };
}

/**
 * Write one page's results and move the cursor, if the run is still this worker's: one statement
 * (so one round trip, and all or nothing). No row comes back when the lease was lost.
 */
async function commit(run: ReconciliationRun, result: Step, leaseMs: number): Promise<void> {
  const d = result.differences;
  const done = result.next === null;
  const [held] = await sql<{ id: string }>(Prisma.sql`
    WITH held AS (
      SELECT id FROM "ReconciliationRun"
      WHERE id = ${run.id} AND "leaseToken" = ${run.leaseToken} AND "leaseUntil" > NOW() AND state = 'running'
      FOR UPDATE
    ),
    differences AS (
      INSERT INTO "ReconciliationDifference" (id, "runId", kind, "dedupeKey", "stripeObjectId", "stripeAccountId", "donationId", "ledgerEntryId", amply, stripe, explanation)
      SELECT x.id, ${run.id}, x.kind::"ReconciliationDifferenceKind", x.key, x.object, x.account, x.donation, x.entry, x.amply, x.stripe, x.explanation
      FROM unnest(${d.map(() => randomUUID())}::text[], ${d.map((x) => x.kind)}::text[], ${d.map((x) => x.dedupeKey)}::text[],
                  ${d.map((x) => x.stripeObjectId)}::text[], ${d.map((x) => x.stripeAccountId)}::text[], ${d.map((x) => x.donationId)}::text[],
                  ${d.map((x) => x.ledgerEntryId)}::bigint[], ${d.map((x) => x.amply)}::text[], ${d.map((x) => x.stripe)}::text[],
                  ${d.map((x) => x.explanation)}::text[])
        AS x(id, kind, key, object, account, donation, entry, amply, stripe, explanation)
      WHERE EXISTS (SELECT 1 FROM held)
      ON CONFLICT ("runId", "dedupeKey") DO NOTHING
      RETURNING 1
    ),
    seen AS (
      INSERT INTO "ReconciliationSeenEntry" ("runId", "ledgerEntryId")
      SELECT ${run.id}, entry FROM unnest(${result.seen ?? []}::bigint[]) AS entry
      WHERE EXISTS (SELECT 1 FROM held)
      ON CONFLICT DO NOTHING
    ),
    emptied AS (
      -- The matched entries are only needed while the run goes on.
      DELETE FROM "ReconciliationSeenEntry" WHERE ${done} AND "runId" = ${run.id} AND EXISTS (SELECT 1 FROM held)
    )
    UPDATE "ReconciliationRun" SET
      cursor = ${result.next ? JSON.stringify(result.next) : null}::jsonb,
      "stripePages" = "stripePages" + ${result.pages}::int,
      "stripeRequests" = "stripeRequests" + ${result.requests}::int,
      "chargesCompared" = "chargesCompared" + ${result.charges ?? 0}::int,
      "refundsCompared" = "refundsCompared" + ${result.refunds ?? 0}::int,
      "balanceTransactionsCompared" = "balanceTransactionsCompared" + ${result.balanceTransactions ?? 0}::int,
      "ledgerEntriesChecked" = "ledgerEntriesChecked" + ${result.ledgerEntries ?? 0}::int,
      "feesPending" = "feesPending" + ${result.feesPending ?? 0}::int,
      "unreadableAccounts" = CASE WHEN ${result.unreadable ?? null}::text IS NULL THEN "unreadableAccounts"
                                  ELSE array_append("unreadableAccounts", ${result.unreadable ?? null}::text) END,
      "differencesFound" = "differencesFound" + (SELECT count(*) FROM differences)::int,
      "lastError" = NULL,
      state = CASE WHEN ${done} THEN 'done'::"ReconciliationRunState" ELSE state END,
      "finishedAt" = CASE WHEN ${done} THEN NOW() ELSE NULL END,
      "leaseToken" = CASE WHEN ${done} THEN NULL ELSE "leaseToken" END,
      "leaseUntil" = CASE WHEN ${done} THEN NULL ELSE NOW() + ${`${leaseMs} milliseconds`}::interval END
    WHERE id IN (SELECT id FROM held)
    RETURNING id`);
  if (!held) throw new LeaseLost();
}

/**
 * Take one run and work through it (up to `maxPages` pages, then let it go for the next turn).
 * Returns the number of pages committed: 0 when there was nothing to do.
 */
export async function processReconciliationRuns(options: Options = {}): Promise<{ pages: number }> {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const run = await claimRun(leaseMs);
  if (!run) return { pages: 0 };
  let pages = 0;
  try {
    const accounts = await accountsOf(run.organisationId);
    const window = {
      gte: Math.floor(startOfDay(run.fromDay, run.timeZone).getTime() / 1000),
      lt: Math.floor(startOfDay(nextDay(run.toDay), run.timeZone).getTime() / 1000),
    };
    let cursor: Cursor | null = cursorOf(run.cursor);
    const unreadable = [...run.unreadableAccounts];
    // The next page is asked for while this one is compared and written: Stripe's latency and the
    // database's overlap. Never beyond the pages this turn may take, so no request is wasted.
    let fetching: Promise<Fetched | null> | null = null;
    while (cursor && pages < maxPages) {
      const fetched: Fetched | null = await (fetching ?? fetchPage(cursor, accounts, window));
      fetching = null;
      let result: Step;
      if (fetched) {
        const next = nextCursor(cursor, fetched);
        if (pages + 1 < maxPages) {
          fetching = fetchPage(next, accounts, window);
          // Its failure is met when it is awaited; until then it must not count as unhandled.
          fetching.catch(() => undefined);
        }
        result = await compareFetched(run, fetched, next);
      } else {
        result = await ledgerStep(run, cursor.phase === "ledger" ? cursor.after : null, accounts, unreadable, window);
      }
      await commit(run, result, leaseMs);
      if (result.unreadable) unreadable.push(result.unreadable);
      cursor = result.next;
      pages++;
      if (cursor) await options.afterPage?.();
    }
    if (cursor) await db.reconciliationRun.updateMany({ where: { id: run.id, leaseToken: run.leaseToken }, data: { leaseToken: null, leaseUntil: null } });
    return { pages };
  } catch (error) {
    if (error instanceof LeaseLost) {
      log.info("reconciliation run taken over by another worker", { runId: run.id });
      return { pages };
    }
    // Kept for the operator (the page says the run is retrying); the run is taken up again once
    // the lease runs out.
    const reason = error instanceof Error ? error.message : String(error);
    await db.reconciliationRun
      .updateMany({ where: { id: run.id, leaseToken: run.leaseToken }, data: { lastError: reason.slice(0, 500) } })
      .catch(() => undefined);
    throw error;
  }
}
