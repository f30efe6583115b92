// POST /api/webhooks/stripe against real PostgreSQL and the Stripe sandbox: verification, exactly
// once, any delivery order, and a ledger that matches Stripe's balance transactions to the cent.
import { afterAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { db } from "@/lib/db/client";
import { drainInbox, purgeStripeEvents } from "@/lib/webhooks/inbox";
import { retryEvent } from "@/lib/webhooks/inbox-operations";
import {
  captured,
  chargeIdOf,
  connectedOrganisation,
  control,
  deliver,
  donationWithIntent,
  eventOf,
  eventsFor,
  payWithCard,
  stripeSdk,
  type SandboxEvent,
} from "../support/fixtures";

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
const adminReady = admin.connect();
afterAll(() => admin.end());

async function nothingWrittenFor(eventId: string) {
  expect(await db.stripeEvent.findUnique({ where: { id: eventId } })).toBeNull();
}

async function ledgerOf(donationId: string) {
  return db.ledgerEntry.findMany({ where: { donationId }, orderBy: { id: "asc" } });
}

/** Stripe's own balance transactions for a donation's charge, its refunds and disputes. */
async function stripeTransactionsFor(account: string, chargeId: string) {
  const txns = await stripeSdk.balanceTransactions.list({ limit: 100 }, { stripeAccount: account }).autoPagingToArray({ limit: 1000 });
  const refunds = await stripeSdk.refunds.list({ charge: chargeId, limit: 100 }, { stripeAccount: account });
  const sources = new Set([chargeId, ...refunds.data.map((r) => r.id)]);
  const disputes = (await eventsFor(account, { type: "charge.dispute.created" })).map((e) => String(e.data.object.id));
  disputes.forEach((id) => sources.add(id));
  return txns.filter((txn) => typeof txn.source === "string" && sources.has(txn.source));
}

describe("verification", () => {
  it("rejects forged, stale, unsigned and wrong-secret deliveries, and writes nothing", async () => {
    const org = await connectedOrganisation();
    const { intent } = await donationWithIntent(org, { amount: 2500, currency: "eur" });
    await payWithCard(intent.id, org.account);
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    const forged = { ...event, data: { object: { ...event.data.object, amount: 1 } } };
    expect((await deliver(forged, { signature: `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` })).status).toBe(400);
    expect(await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).toEqual({ status: 400, body: { error: "stale_timestamp" } });
    expect(await deliver(event, { signature: null })).toEqual({ status: 400, body: { error: "missing_signature" } });
    expect(await deliver(event, { secret: "whsec_someone_else" })).toEqual({ status: 400, body: { error: "invalid_signature" } });
    expect(await deliver({ ...event, livemode: true })).toEqual({ status: 400, body: { error: "wrong_mode" } });
    await nothingWrittenFor(event.id);

    const logged = warn.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
    expect(logged.filter((l) => l.message === "webhook rejected")).toHaveLength(5);
    expect(logged[0]).toMatchObject({ source: "203.0.113.7", reason: "invalid_signature" });
    expect(JSON.stringify(logged)).not.toContain(intent.id); // never the payload
    warn.mockRestore();
  });

  it("accepts the previous secret during a rotation, ignores unhandled types, refuses oversized bodies", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 1000, currency: "eur" });
    await payWithCard(intent.id, org.account);
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    expect(await deliver(event, { secret: "whsec_previous_connect" })).toMatchObject({ status: 200, state: "processed" });
    expect((await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).status).toBe("succeeded");
    const created = await eventOf(org.account, "payment_intent.created", intent.id);
    expect(await deliver(created)).toMatchObject({ status: 200, state: "ignored" });
    const huge = { ...event, id: "evt_huge", padding: "x".repeat(1_000_001) };
    expect((await deliver(huge)).status).toBe(413);
  });

  it("refuses an event whose account does not own the object, writing nothing", async () => {
    const org = await connectedOrganisation();
    const other = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 1500, currency: "eur" });
    await payWithCard(intent.id, org.account);
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Answered 200 (Stripe must not retry it), recorded as rejected, never applied.
    expect(await deliver({ ...event, id: `${event.id}_other`, account: other.account })).toMatchObject({ status: 200, state: "rejected" });
    expect(await deliver({ ...event, id: `${event.id}_platform`, account: undefined })).toMatchObject({ status: 200, state: "rejected" });
    vi.restoreAllMocks();
    await nothingWrittenFor(event.id);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "pending", stripeChargeId: null });
    expect(await ledgerOf(donation.id)).toHaveLength(0);
  });
});

describe("exactly once", () => {
  it("books one ledger entry and one receipt for 20 concurrent deliveries of one event", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 2563, currency: "eur" });
    await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    const results = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.status === "received")).toHaveLength(1);
    expect(results.filter((r) => r.body.status === "duplicate")).toHaveLength(19);
    expect(results.every((r) => "state" in r && r.state === "processed")).toBe(true);
    const ledger = await ledgerOf(donation.id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      type: "donation_received",
      amount: 2563n,
      currency: "EUR",
      settlementAmount: 2563n,
      settlementFee: 63n,
      settlementNet: 2500n,
      settlementCurrency: "EUR",
      stripeEventId: event.id,
    });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${donation.id}` } })).toBe(1);
  });

  it("leaves nothing behind when the database fails mid-handler, and succeeds on redelivery", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 4200, currency: "eur" });
    await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
    const event = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    await adminReady;
    const trigger = `fail_${donation.id}`;
    // A real database error, after the donation update and before the ledger insert commits.
    await admin.query(`CREATE FUNCTION "${trigger}"() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END; $$ LANGUAGE plpgsql`);
    await admin.query(
      `CREATE TRIGGER "${trigger}" BEFORE INSERT ON "LedgerEntry" FOR EACH ROW WHEN (NEW."donationId" = '${donation.id}') EXECUTE FUNCTION "${trigger}"()`,
    );
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    // Recorded and answered 200; applying it fails and is rolled back, to be retried.
    const failed = await deliver(event);
    expect(failed).toMatchObject({ status: 200, state: "pending", outcome: expect.stringContaining("disk full (simulated)") as string });
    vi.restoreAllMocks();
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "pending", stripeChargeId: null, receiptNumber: null });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${donation.id}` } })).toBe(0);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({ receiptCounter: 0 });

    await admin.query(`DROP TRIGGER "${trigger}" ON "LedgerEntry"; DROP FUNCTION "${trigger}"()`);
    expect(await retryEvent(event.id)).toBe(true);
    await drainInbox();
    expect(await db.stripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ state: "processed" });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded", receiptNumber: 1 });
    expect(await ledgerOf(donation.id)).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${donation.id}` } })).toBe(1);
  });

  it("keeps settled event ids 31 days, and parked failures until retried", async () => {
    const day = 86_400_000;
    const row = (id: string, state: "processed" | "failed", ageDays: number) => ({
      id,
      type: "payment_intent.succeeded",
      orderingKey: id,
      payload: {},
      state,
      stripeCreatedAt: new Date(Date.now() - ageDays * day),
      processedAt: state === "failed" ? null : new Date(Date.now() - ageDays * day),
    });
    await db.stripeEvent.createMany({
      data: [row("evt_purge_32_days", "processed", 32), row("evt_purge_30_days", "processed", 30), row("evt_purge_failed_40_days", "failed", 40)],
    });
    expect(await purgeStripeEvents()).toBeGreaterThanOrEqual(1);
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_purge_32_days" } })).toBeNull();
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_purge_30_days" } })).not.toBeNull();
    expect(await db.stripeEvent.findUnique({ where: { id: "evt_purge_failed_40_days" } })).not.toBeNull();
  });
});

describe("any delivery order", () => {
  it("a refund that arrives before its payment's success is not lost", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 3000, currency: "eur" });
    const paid = await payWithCard(intent.id, org.account);
    await control.refund(chargeIdOf(paid));
    const refundCreated = await eventOf(org.account, "refund.created");
    const chargeRefunded = await eventOf(org.account, "charge.refunded", chargeIdOf(paid));
    const succeeded = await eventOf(org.account, "payment_intent.succeeded", intent.id);
    for (const event of [chargeRefunded, refundCreated, succeeded]) expect((await deliver(event)).status).toBe(200);
    const stored = await db.donation.findUniqueOrThrow({ where: { id: donation.id }, include: { refunds: true } });
    expect(stored).toMatchObject({ status: "refunded", refundedAmount: 3000n, stripeChargeId: paid.latest_charge });
    expect(stored.refunds).toHaveLength(1);
    const ledger = await ledgerOf(donation.id);
    expect(ledger.map((e) => [e.type, e.amount])).toEqual([
      ["refund", -3000n],
      ["donation_received", 3000n],
    ]);
    expect(ledger.reduce((sum, e) => sum + e.amount, 0n)).toBe(0n);
  });

  it("a dispute that arrives before its payment's success is not lost, and books the dispute fee", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 5000, currency: "eur" });
    const paid = await payWithCard(intent.id, org.account);
    const dispute = await control.dispute(chargeIdOf(paid));
    for (const type of ["charge.dispute.funds_withdrawn", "charge.dispute.created"])
      expect((await deliver(await eventOf(org.account, type, dispute.id))).status).toBe(200);
    expect((await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id))).status).toBe(200);
    await control.closeDispute(dispute.id, "won");
    for (const type of ["charge.dispute.closed", "charge.dispute.funds_reinstated"])
      expect((await deliver(await eventOf(org.account, type, dispute.id))).status).toBe(200);
    // A won dispute no longer makes the donation disputed: the money came back.
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded" });
    expect(await db.dispute.findUniqueOrThrow({ where: { stripeDisputeId: dispute.id } })).toMatchObject({ status: "won", amount: 5000n });
    const ledger = await ledgerOf(donation.id);
    expect(ledger.map((e) => [e.type, e.amount, e.settlementAmount, e.settlementFee, e.settlementNet])).toEqual([
      ["dispute_funds_withdrawn", -5000n, -5000n, 2000n, -7000n],
      ["donation_received", 5000n, 5000n, 100n, 4900n],
      ["dispute_funds_reinstated", 5000n, 5000n, 0n, 5000n],
    ]);
    const stripeNet = (await stripeTransactionsFor(org.account, chargeIdOf(paid))).reduce((sum, t) => sum + t.net, 0);
    expect(ledger.reduce((sum, e) => sum + (e.settlementNet ?? 0n), 0n)).toBe(BigInt(stripeNet));
  });

  it("an old account.updated delivered after a newer one leaves the current state", async () => {
    const org = await connectedOrganisation({ ready: false });
    await control.updateAccount(org.account, { charges_enabled: true, payouts_enabled: true, details_submitted: true, currently_due: [] });
    await control.updateAccount(org.account, { payouts_enabled: false, currently_due: ["external_account"], disabled_reason: null });
    const [older, newer] = await eventsFor(org.account, { type: "account.updated" });
    expect((await deliver(newer as SandboxEvent)).status).toBe(200);
    expect((await deliver(older as SandboxEvent)).status).toBe(200);
    const stored = await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } });
    expect(stored).toMatchObject({ stripeChargesEnabled: true, stripePayoutsEnabled: false });
    expect(stored.stripeRequirements).toMatchObject({ currentlyDue: ["external_account"] });
  });

  it("marks the organisation disconnected when it deauthorizes Amply", async () => {
    const org = await connectedOrganisation();
    await control.deauthorize(org.account);
    expect((await deliver(await eventOf(org.account, "account.application.deauthorized"))).status).toBe(200);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.organisation.id } })).toMatchObject({
      stripeAccountId: null,
      stripeChargesEnabled: false,
      stripeDisconnectedAt: expect.any(Date) as Date,
    });
  });
});

describe("the ledger", () => {
  it("two partial refunds then the rest: three refund rows, sums equal to Stripe's balance transactions", async () => {
    const org = await connectedOrganisation();
    const { intent, donation } = await donationWithIntent(org, { amount: 10_000, currency: "eur" });
    const paid = await payWithCard(intent.id, org.account);
    const charge = chargeIdOf(paid);
    await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id));
    await deliver(await captured(org.account, charge));
    await control.refund(charge, 2_500);
    for (const event of await eventsFor(org.account, { type: "charge.refunded", objectId: charge })) await deliver(event);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "partially_refunded", refundedAmount: 2_500n });
    await control.refund(charge, 1_000);
    await control.refund(charge);
    // Every event, each twice: refund.created and the cumulative charge.refunded.
    const events = [
      ...(await eventsFor(org.account, { type: "refund.created" })),
      ...(await eventsFor(org.account, { type: "charge.refunded", objectId: charge })),
    ];
    for (const event of [...events, ...events]) expect((await deliver(event)).status).toBe(200);

    const refunds = await db.refund.findMany({ where: { donationId: donation.id }, orderBy: { amount: "desc" } });
    expect(refunds.map((r) => r.amount)).toEqual([6_500n, 2_500n, 1_000n]);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "refunded", refundedAmount: 10_000n });

    const ledger = await ledgerOf(donation.id);
    expect(ledger).toHaveLength(4);
    expect(ledger.reduce((sum, e) => sum + e.amount, 0n)).toBe(0n); // net of refunds, presentment
    const stripe = await stripeTransactionsFor(org.account, charge);
    expect(stripe).toHaveLength(4);
    const sum = (f: (t: { amount: number; fee: number; net: number }) => number) => BigInt(stripe.reduce((s, t) => s + f(t), 0));
    expect(ledger.reduce((s, e) => s + (e.settlementAmount ?? 0n), 0n)).toBe(sum((t) => t.amount));
    expect(ledger.reduce((s, e) => s + (e.settlementFee ?? 0n), 0n)).toBe(sum((t) => t.fee));
    expect(ledger.reduce((s, e) => s + (e.settlementNet ?? 0n), 0n)).toBe(sum((t) => t.net));
  });

  it("books a 1000 JPY donation to a EUR-settling account in both currencies", async () => {
    const org = await connectedOrganisation({ country: "DE" });
    const { intent, donation } = await donationWithIntent(org, { amount: 1000, currency: "jpy" });
    const paid = await payWithCard(intent.id, org.account);
    await deliver(await eventOf(org.account, "payment_intent.succeeded", intent.id));
    await deliver(await captured(org.account, chargeIdOf(paid)));
    const [entry] = await ledgerOf(donation.id);
    expect(entry).toMatchObject({ amount: 1000n, currency: "JPY", settlementAmount: 610n, settlementFee: 34n, settlementNet: 576n, settlementCurrency: "EUR" });
    expect(entry?.exchangeRate?.toString()).toBe("0.0061");
  });

  it("records payouts for information, without a donation", async () => {
    const org = await connectedOrganisation();
    const { intent } = await donationWithIntent(org, { amount: 2000, currency: "eur" });
    await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
    const payout = await control.payout(org.account);
    expect((await deliver(await eventOf(org.account, "payout.paid", payout.id))).status).toBe(200);
    expect(await db.payout.findUniqueOrThrow({ where: { stripePayoutId: payout.id } })).toMatchObject({ status: "paid", amount: BigInt(payout.amount) });
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { stripeObjectId: payout.id } });
    expect(entry).toMatchObject({ type: "payout_paid", donationId: null, amount: -BigInt(payout.amount) });
  });
});
