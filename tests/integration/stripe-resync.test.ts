// Re-sync from Stripe (docs/stripe.md#re-sync): a webhook Stripe never delivered is found in the
// account's events and applied through the inbox exactly once; a second re-sync changes nothing;
// events at another API version are read again; runs never double, whoever asks and however often.
import { afterEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// The inbox reads an event's object again when the event is of another API version: counted here.
vi.mock("@/lib/stripe/retrieve-event-object", async (original) => {
  const actual = await original<typeof import("@/lib/stripe/retrieve-event-object")>();
  return { retrieveEventObject: vi.fn(actual.retrieveEventObject) };
});

const { db } = await import("@/lib/db/client");
const { drainInbox } = await import("@/lib/webhooks/inbox");
const { retrieveEventObject } = await import("@/lib/stripe/retrieve-event-object");
const { requestResync, queueResync } = await import("@/lib/resync/request-resync");
const { processResyncRuns } = await import("@/lib/resync/process-resync-runs");
const { scheduleDailyResyncs } = await import("@/lib/resync/schedule-daily-resyncs");
const { RESYNC_STOP_MESSAGES } = await import("@/lib/resync/resync-summary");
const { markDisconnected } = await import("@/lib/organisations/disconnect-stripe");
const { completeStripeConnect } = await import("@/lib/organisations/connect-stripe-account");
const { createConnectState } = await import("@/lib/organisations/connect-state");
const { startResyncAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/settings/payments/actions");
const { captured, chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, organisationWithMembers, payWithCard, person } =
  await import("../support/fixtures");

type Org = Awaited<ReturnType<typeof connectedOrganisation>>;

const HANDLED = new Set(["payment_intent.succeeded", "payment_intent.processing", "payment_intent.payment_failed", "charge.succeeded", "charge.updated"]);

afterEach(() => {
  session.user = null;
  vi.mocked(retrieveEventObject).mockClear();
});

/** Deliver every event of the account the sandbox did not lose, as Stripe's endpoint would have. */
async function deliverAllButLost(account: string) {
  for (const record of await control.events({ account })) {
    if (record.lost) continue;
    await deliver(record.event);
  }
}

/** A paid gift whose success events (all three that mark it paid) never reach Amply. */
async function lostPayment(org: Org, amount = 2500) {
  for (const type of ["payment_intent.succeeded", "charge.succeeded", "charge.updated"]) await control.skipNextDelivery(type, org.account);
  const { donation, intent } = await donationWithIntent(org, { amount, currency: "eur" });
  const paid = await payWithCard(intent.id, org.account);
  // The balance transaction is booked a moment later (its charge.updated is lost too).
  await captured(org.account, chargeIdOf(paid));
  return { donation, intent };
}

/** A gift paid and delivered normally: Amply has seen this account's events. */
async function deliveredPayment(org: Org) {
  const { donation, intent } = await donationWithIntent(org, { amount: 1000, currency: "eur" });
  const paid = await payWithCard(intent.id, org.account);
  await captured(org.account, chargeIdOf(paid));
  return { donation, intent };
}

/** Work every queued run, then let the inbox apply what they fed it. */
async function runResyncs() {
  while ((await processResyncRuns()).runs > 0);
  await drainInbox();
}

/** Everything a re-sync could change for an organisation, to compare before and after. */
async function snapshot(organisationId: string, account: string) {
  const [donations, ledger, receipts, outbox, events] = await Promise.all([
    db.donation.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.ledgerEntry.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.receipt.findMany({ where: { organisationId }, orderBy: { id: "asc" } }),
    db.outboxEmail.count(),
    db.stripeEvent.findMany({ where: { account }, orderBy: { id: "asc" }, select: { id: true, state: true, processedAt: true } }),
  ]);
  return { donations, ledger, receipts, outbox, events };
}

describe("a lost webhook", () => {
  it("leaves the gift unpaid until a re-sync applies it, exactly once; a second re-sync changes nothing", async () => {
    const org = await connectedOrganisation();
    const admin = await person("admin");
    await deliveredPayment(org);
    const { donation } = await lostPayment(org);
    await deliverAllButLost(org.account);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "pending" });

    const run = await requestResync(org.organisation.id, { reason: "manual", requestedById: admin.id });
    expect(run).toMatchObject({ state: "queued", reason: "manual", stripeAccountId: org.account });
    await runResyncs();

    const done = await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toMatchObject({ state: "done", activeAccount: null, eventsNew: 3, rereadObjects: false, lastError: null });
    expect(done.eventsListed).toBe(done.eventsNew + done.eventsKnown);
    expect(done.stripeRequests).toBeGreaterThanOrEqual(1);
    const repaired = await db.donation.findUniqueOrThrow({ where: { id: donation.id } });
    expect(repaired).toMatchObject({ status: "succeeded", paymentStatus: "succeeded" });
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id, type: "donation_received" } })).toBe(1);
    expect(await db.receipt.count({ where: { donationId: donation.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { receipt: { donationId: donation.id } } })).toBe(1);

    const before = await snapshot(org.organisation.id, org.account);
    const second = await requestResync(org.organisation.id, { reason: "manual", requestedById: admin.id });
    await runResyncs();
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ state: "done", eventsNew: 0, objectsChanged: 0 });
    expect(await snapshot(org.organisation.id, org.account)).toEqual(before);
  });

  it("reads again the object of an event listed at another API version", async () => {
    const org = await connectedOrganisation();
    await deliveredPayment(org);
    await control.setApiVersion(org.account, "2025-03-31.basil");
    const { donation, intent } = await lostPayment(org);
    await control.setApiVersion(org.account, null);
    await deliverAllButLost(org.account);
    vi.mocked(retrieveEventObject).mockClear();

    await requestResync(org.organisation.id, { reason: "manual" });
    await runResyncs();
    const recorded = await db.stripeEvent.findMany({
      where: { account: org.account, type: "payment_intent.succeeded", payload: { path: ["data", "object", "id"], equals: intent.id } },
    });
    expect(recorded).toEqual([expect.objectContaining({ apiVersion: "2025-03-31.basil", state: "processed" })]);
    const reread = vi.mocked(retrieveEventObject).mock.calls.map(([account, object]) => [account, object.id]);
    expect(reread).toContainEqual([org.account, intent.id]);
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded" });
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id, type: "donation_received" } })).toBe(1);
  });
});

describe("when Amply has no event of the account Stripe still lists from", () => {
  it("also reads open gifts again and applies them once; the next run reads nothing it has not applied", async () => {
    const org = await connectedOrganisation();
    // Nothing of this account ever reached Amply.
    const { donation } = await lostPayment(org);
    const run = await requestResync(org.organisation.id, { reason: "manual" });
    await runResyncs();
    const done = await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } });
    expect(done).toMatchObject({ state: "done", rereadObjects: true, objectsReread: 1, objectsChanged: 1 });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded" });
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id, type: "donation_received" } })).toBe(1);
    expect(await db.receipt.count({ where: { donationId: donation.id } })).toBe(1);

    // Its events are now Amply's, and the run that completed covers them: no objects read again.
    const before = await snapshot(org.organisation.id, org.account);
    const second = await requestResync(org.organisation.id, { reason: "manual" });
    await runResyncs();
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ state: "done", rereadObjects: false, eventsNew: 0 });
    expect(await snapshot(org.organisation.id, org.account)).toEqual(before);
  });

  it("when asked to read objects again, a second pass over unchanged objects writes nothing", async () => {
    const org = await connectedOrganisation();
    const { donation, intent } = await donationWithIntent(org, { amount: 1800, currency: "eur" });
    const first = await requestResync(org.organisation.id, { reason: "reconnect" });
    await runResyncs();
    // An unpaid gift read again: nothing to apply.
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ rereadObjects: true, objectsReread: 1, objectsChanged: 0 });
    const paid = await payWithCard(intent.id, org.account);
    await captured(org.account, chargeIdOf(paid));
    await requestResync(org.organisation.id, { reason: "reconnect" });
    await runResyncs();
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded" });
    const before = await snapshot(org.organisation.id, org.account);
    const third = await requestResync(org.organisation.id, { reason: "reconnect" });
    await runResyncs();
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ state: "done", eventsNew: 0, objectsChanged: 0 });
    expect(await snapshot(org.organisation.id, org.account)).toEqual(before);
  });
});

describe("an object Stripe does not have", () => {
  it("is read, found missing and passed over: the other objects are still repaired", async () => {
    const org = await connectedOrganisation();
    const ghost = await donationWithIntent(org, { amount: 700, currency: "eur" });
    await db.donation.update({ where: { id: ghost.donation.id }, data: { stripePaymentIntentId: `pi_missing_${ghost.donation.id}` } });
    const { donation, intent } = await donationWithIntent(org, { amount: 900, currency: "eur" });
    await captured(org.account, chargeIdOf(await payWithCard(intent.id, org.account)));
    const run = await requestResync(org.organisation.id, { reason: "reconnect" });
    await runResyncs();
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ state: "done", objectsReread: 2, lastError: null });
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded" });
  });
});

describe("what Stripe no longer lists, and what it refuses", () => {
  it("reads objects again when the account's last recorded event is older than Stripe lists", async () => {
    const org = await connectedOrganisation();
    await deliveredPayment(org);
    await deliverAllButLost(org.account);
    await db.stripeEvent.updateMany({ where: { account: org.account }, data: { stripeCreatedAt: new Date(Date.now() - 40 * 24 * 3600_000) } });
    const run = await requestResync(org.organisation.id, { reason: "daily" });
    await runResyncs();
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ state: "done", rereadObjects: true });
  });

  it("stops, saying what to do, when Stripe no longer lets Amply read the account; the next run is not blocked", async () => {
    const org = await connectedOrganisation();
    await control.deauthorize(org.account);
    const run = await requestResync(org.organisation.id, { reason: "manual" });
    await runResyncs();
    expect(await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      state: "failed",
      activeAccount: null,
      lastError: RESYNC_STOP_MESSAGES.revoked,
      finishedAt: expect.any(Date) as Date,
    });
    await expect(requestResync(org.organisation.id, { reason: "manual" })).resolves.toMatchObject({ state: "queued" });
    await db.stripeResync.deleteMany({ where: { organisationId: org.organisation.id } });
  });
});

describe("one run at a time", () => {
  it("a double click makes one run, and two workers work it once", async () => {
    const org = await connectedOrganisation();
    await deliveredPayment(org);
    const { donation } = await lostPayment(org);
    await deliverAllButLost(org.account);
    const asked = await Promise.allSettled([
      requestResync(org.organisation.id, { reason: "manual" }),
      requestResync(org.organisation.id, { reason: "manual" }),
    ]);
    expect(asked.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = asked.find((result) => result.status === "rejected");
    expect(String(refused?.reason)).toContain("already");
    // Queued by the worker meanwhile (a reconnect, the daily run): nothing more.
    expect(await queueResync({ organisationId: org.organisation.id, stripeAccountId: org.account, reason: "daily" })).toBeNull();

    await Promise.all([processResyncRuns(), processResyncRuns()]);
    await runResyncs();
    const runs = await db.stripeResync.findMany({ where: { organisationId: org.organisation.id } });
    expect(runs).toEqual([expect.objectContaining({ state: "done", eventsNew: 3 })]);
    expect(await db.ledgerEntry.count({ where: { donationId: donation.id, type: "donation_received" } })).toBe(1);
  });

  it("goes on from its cursor when left part-way, and when its worker died holding it", async () => {
    const org = await connectedOrganisation();
    await deliveredPayment(org);
    const { donation } = await lostPayment(org);
    await deliverAllButLost(org.account);
    const run = await requestResync(org.organisation.id, { reason: "manual" });
    // One page of two events, then the worker lets go (its other work's turn).
    expect(await processResyncRuns({ pageSize: 2, maxPages: 1 })).toEqual({ runs: 1, pages: 1 });
    const left = await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } });
    expect(left).toMatchObject({ state: "running", phase: "events", eventsListed: 2, leaseToken: null, attempts: 0 });
    expect(left.cursor).toMatch(/^evt_/);
    // A worker that took it and died: nobody else takes it until its lease lapses, then one goes on.
    await db.stripeResync.update({ where: { id: run.id }, data: { leaseToken: "a-worker-that-died", leaseUntil: new Date(Date.now() + 300) } });
    expect(await processResyncRuns({ pageSize: 2 })).toEqual({ runs: 0, pages: 0 });
    await new Promise((resolve) => setTimeout(resolve, 350));
    while ((await processResyncRuns({ pageSize: 2 })).runs > 0);
    await drainInbox();
    const done = await db.stripeResync.findUniqueOrThrow({ where: { id: run.id } });
    const all = await control.events({ account: org.account });
    const handled = all.filter((record) => HANDLED.has(String((record.event as { type: string }).type)));
    // Every handled event listed once, in pages: none twice, none skipped.
    expect(done).toMatchObject({ state: "done", eventsListed: handled.length, eventsNew: 3 });
    expect(done.stripeRequests).toBe(Math.ceil(all.length / 2));
    expect(await db.donation.findUniqueOrThrow({ where: { id: donation.id } })).toMatchObject({ status: "succeeded" });
  });

  it("refuses an organisation without a connected account", async () => {
    const org = await organisationWithMembers([]);
    await expect(requestResync(org.id, { reason: "manual" })).rejects.toThrow(/no Stripe account/i);
  });
});

describe("the payments page's button", () => {
  it("lets admins and owners start a re-sync, refuses viewers, and says a second click waits for the first", async () => {
    const org = await connectedOrganisation();
    const [admin, viewer] = [await person("admin"), await person("viewer")];
    await db.membership.createMany({
      data: [
        { organisationId: org.organisation.id, userId: admin.id, role: "admin" },
        { organisationId: org.organisation.id, userId: viewer.id, role: "viewer" },
      ],
    });
    const click = () => {
      const form = new FormData();
      form.set("organisationId", org.organisation.id);
      return startResyncAction({}, form);
    };
    session.user = viewer;
    expect((await click()).error).toBeTruthy();
    expect(await db.stripeResync.count({ where: { organisationId: org.organisation.id } })).toBe(0);
    session.user = admin;
    expect(await click()).toMatchObject({ ok: true, message: expect.stringContaining("Re-sync started") as string });
    expect((await click()).error).toMatch(/already under way/);
    expect(await db.stripeResync.findMany({ where: { organisationId: org.organisation.id } })).toEqual([
      expect.objectContaining({ reason: "manual", requestedById: admin.id, state: "queued" }),
    ]);
    await runResyncs();
  });
});

describe("reconnecting", () => {
  it("queues a re-sync when an account connected before comes back, and none on a first connection", async () => {
    const owner = await person("owner");
    const organisation = await organisationWithMembers([[owner, "owner"]]);
    session.user = owner;
    const account = (await control.createAccount({ country: "DE", ready: true })).id;
    const connect = async () =>
      completeStripeConnect(
        new URLSearchParams({ state: await createConnectState(organisation.id, owner.id), code: await control.oauthCode(account), scope: "read_write" }),
        organisation.id,
        owner,
      );
    await connect();
    expect(await db.stripeResync.count({ where: { organisationId: organisation.id } })).toBe(0);
    await db.$transaction((tx) => markDisconnected(tx, organisation.id));
    await connect();
    const runs = await db.stripeResync.findMany({ where: { organisationId: organisation.id } });
    expect(runs).toEqual([expect.objectContaining({ reason: "reconnect", state: "queued", stripeAccountId: account })]);
    await runResyncs();
    expect(await db.stripeResync.findFirstOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({ state: "done", rereadObjects: true });
  });
});

describe("the daily schedule", () => {
  it("queues one run per connected account per day, however many workers ask", async () => {
    await runResyncs();
    const fresh = await connectedOrganisation();
    const recent = await connectedOrganisation();
    await requestResync(recent.organisation.id, { reason: "manual" });
    await runResyncs();
    const gone = await connectedOrganisation();
    await db.$transaction((tx) => markDisconnected(tx, gone.organisation.id));

    await Promise.all([scheduleDailyResyncs(), scheduleDailyResyncs(), scheduleDailyResyncs()]);
    const daily = async (organisationId: string) => db.stripeResync.findMany({ where: { organisationId, reason: "daily" } });
    expect(await daily(fresh.organisation.id)).toEqual([expect.objectContaining({ state: "queued", stripeAccountId: fresh.account })]);
    expect(await daily(recent.organisation.id)).toEqual([]);
    expect(await daily(gone.organisation.id)).toEqual([]);

    // Done, and again the same day: nothing new. A day later: one more.
    await runResyncs();
    await scheduleDailyResyncs();
    expect(await daily(fresh.organisation.id)).toHaveLength(1);
    await db.stripeResync.updateMany({
      where: { organisationId: { in: [fresh.organisation.id, recent.organisation.id] } },
      data: { createdAt: new Date(Date.now() - 25 * 3600_000) },
    });
    await Promise.all([scheduleDailyResyncs(), scheduleDailyResyncs()]);
    expect(await daily(fresh.organisation.id)).toHaveLength(2);
    expect(await daily(recent.organisation.id)).toHaveLength(1);
  });
});
