// Reconciliation against real PostgreSQL and the sandbox: a month of one-off, recurring, refunded,
// disputed and multi-currency donations reconciles clean; a ledger row removed behind Amply's back,
// a lost webhook and an entry Stripe never made are each reported, a re-sync repairs the lost
// webhook (and a second one changes nothing); a run resumes after a crash; and
// only admins and owners start one.
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ refresh: () => undefined }),
  forbidden: () => {
    throw new Error("forbidden");
  },
  notFound: () => {
    throw new Error("not found");
  },
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
}));

const { db } = await import("@/lib/db/client");
const { startReconciliationRun } = await import("@/lib/reconciliation/start-reconciliation-run");
const { processReconciliationRuns } = await import("@/lib/reconciliation/process-reconciliation-runs");
const { startReconciliationAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/reconciliation/actions");
const { dayIn } = await import("@/lib/organisations/time-zone");
const { requestResync } = await import("@/lib/resync/request-resync");
const { processResyncRuns } = await import("@/lib/resync/process-resync-runs");
const { drainInbox } = await import("@/lib/webhooks/inbox");
const { default: ReconciliationPage } = await import("@/app/(dashboard)/dashboard/[orgSlug]/reconciliation/page");
const { renderToStaticMarkup } = await import("react-dom/server");
const { captured, chargeIdOf, connectedOrganisation, control, deliver, donationWithIntent, payWithCard, person, stripeSdk } =
  await import("../support/fixtures");
const { recurringGift } = await import("../support/recurring");

type Org = Awaited<ReturnType<typeof connectedOrganisation>>;
type User = { id: string; email: string };
let admin: User;
let viewer: User;

beforeAll(async () => {
  [admin, viewer] = await Promise.all([person("admin"), person("viewer")]);
});

const delivered = new Set<string>();
/** Deliver every event of the account not delivered yet, in the order Stripe sent them; lost ones never arrive. */
async function deliverAll(account: string) {
  for (const entry of await control.events({ account })) {
    if (entry.lost || delivered.has(entry.event.id)) continue;
    delivered.add(entry.event.id);
    await deliver(entry.event);
  }
}

async function paid(org: Org, amount: number, currency = "eur") {
  const { intent, donation } = await donationWithIntent(org, { amount, currency });
  const charge = chargeIdOf(await payWithCard(intent.id, org.account));
  await captured(org.account, charge);
  return { donation, charge, intent };
}

/** This month so far, in the organisation's calendar. */
function thisMonth(timeZone: string) {
  const today = dayIn(new Date(), timeZone);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Run the worker until the run is finished (a page at a time when asked, as a busy worker would). */
async function finish(runId: string, maxPages?: number) {
  for (let turns = 0; turns < 500; turns++) {
    const run = await db.reconciliationRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.state === "done" || run.state === "failed") return run;
    await processReconciliationRuns({ maxPages });
  }
  throw new Error("the run did not finish");
}

async function berlin() {
  const org = await connectedOrganisation();
  await db.organisation.update({ where: { id: org.organisation.id }, data: { timeZone: "Europe/Berlin" } });
  await db.membership.createMany({
    data: [
      { userId: admin.id, organisationId: org.organisation.id, role: "admin" },
      { userId: viewer.id, organisationId: org.organisation.id, role: "viewer" },
    ],
  });
  return org;
}

describe("a month of every kind of donation", () => {
  it("reconciles clean, and says how much it compared", async () => {
    const org = await berlin();
    await paid(org, 2500);
    await paid(org, 1800, "gbp"); // settles in EUR on a German account
    await paid(org, 3000, "jpy");
    const refunded = await paid(org, 4000);
    await stripeSdk.refunds.create({ charge: refunded.charge, amount: 1500 }, { stripeAccount: org.account });
    await stripeSdk.refunds.create({ charge: refunded.charge }, { stripeAccount: org.account });
    const won = await paid(org, 5000);
    const wonDispute = await control.dispute(won.charge);
    await control.closeDispute(wonDispute.id, "won");
    const lost = await paid(org, 6000);
    const lostDispute = await control.dispute(lost.charge);
    await control.closeDispute(lostDispute.id, "lost");
    const recurring = await recurringGift({ org, amount: 1200 });
    await control.advance(recurring.subscription.id);
    await control.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await deliverAll(org.account);

    const range = thisMonth("Europe/Berlin");
    const run = await startReconciliationRun(org.organisation.id, range, admin.id);
    const done = await finish(run.id, 1);
    const differences = await db.reconciliationDifference.findMany({ where: { runId: run.id } });
    expect(differences.map((d) => `${d.kind} ${d.stripeObjectId}: ${d.explanation}`)).toEqual([]);
    expect(done).toMatchObject({ state: "done", differencesFound: 0, unreadableAccounts: [], fromDay: range.from, toDay: range.to });
    // 6 one-off charges, the first installment and a renewal.
    expect(done.chargesCompared).toBe(8);
    expect(done.refundsCompared).toBe(2);
    // 8 charges, 2 refunds, 2 dispute withdrawals and 1 reinstatement (Stripe's fee entries are not the ledger's).
    expect(done.balanceTransactionsCompared).toBeGreaterThanOrEqual(13);
    expect(done.stripeRequests).toBeGreaterThanOrEqual(3);
    expect(done.stripePages).toBe(done.stripeRequests);
    expect(await db.reconciliationSeenEntry.count({ where: { runId: run.id } })).toBe(0);

    const text = await pageText(org.organisation.slug, admin);
    expect(text).toMatch(/Clean Amply's ledger and Stripe agree for \d+ \w+ \d{4}( to \d+ \w+ \d{4})?: 8 charges, 2 refunds and \d+ balance transactions\./);
    await expect(pageText(org.organisation.slug, viewer)).rejects.toThrow("forbidden");
  }, 120_000);
});

/** The page as the member signed in sees it, as text. */
async function pageText(slug: string, who: User) {
  session.user = who;
  const element = await ReconciliationPage({ params: Promise.resolve({ orgSlug: slug }), searchParams: Promise.resolve({}) });
  return renderToStaticMarkup(element)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");
}

describe("what does not agree", () => {
  it("reports a ledger row removed behind Amply's back, a lost webhook and an entry Stripe never made", async () => {
    const org = await berlin();
    const removed = await paid(org, 2100);
    const fine = await paid(org, 2200);
    await deliverAll(org.account);

    // The lost webhook: the capture completes only after the success was delivered, and Stripe's
    // charge.updated (which carries the fee Amply books) never arrives.
    await control.captureSettings(org.account, { hold: true });
    const { intent, donation: unbooked } = await donationWithIntent(org, { amount: 2300, currency: "eur" });
    const lostCharge = chargeIdOf(await payWithCard(intent.id, org.account));
    await deliverAll(org.account);
    await control.skipNextDelivery("charge.updated", org.account);
    await control.capture(lostCharge);
    await control.idle();
    await deliverAll(org.account);
    expect(await db.ledgerEntry.count({ where: { donationId: unbooked.id } })).toBe(0);
    expect(await db.donation.findUniqueOrThrow({ where: { id: unbooked.id } })).toMatchObject({ paymentStatus: "succeeded" });

    // The ledger is append-only (a trigger refuses DELETE); only a superuser switching triggers off
    // for one transaction can remove a row, as someone tampering with the database would.
    await db.$transaction([
      db.$executeRaw`SET LOCAL session_replication_role = replica`,
      db.$executeRaw`DELETE FROM "LedgerEntry" WHERE "stripeObjectId" = ${removed.charge} AND type = 'donation_received'`,
    ]);
    // An entry for money Stripe never moved.
    const invented = await db.ledgerEntry.create({
      data: {
        organisationId: org.organisation.id,
        type: "payout_paid",
        stripeObjectType: "payout",
        stripeObjectId: "po_never_made",
        stripeBalanceTransactionId: "txn_never_made",
        amount: -5000n,
        currency: "EUR",
        settlementAmount: -5000n,
        settlementFee: 0n,
        settlementNet: -5000n,
        settlementCurrency: "EUR",
      },
    });

    const run = await startReconciliationRun(org.organisation.id, thisMonth("Europe/Berlin"), admin.id);
    const done = await finish(run.id);
    const differences = await db.reconciliationDifference.findMany({ where: { runId: run.id }, orderBy: { stripeObjectId: "asc" } });
    const found = differences.map((d) => [d.kind, d.stripeObjectId]).sort();
    expect(found).toEqual(
      [
        ["missing_in_amply", removed.charge],
        ["missing_in_amply", lostCharge],
        ["missing_in_stripe", "po_never_made"],
      ].sort(),
    );
    expect(done.differencesFound).toBe(3);
    expect(differences.find((d) => d.stripeObjectId === lostCharge)).toMatchObject({ donationId: unbooked.id });
    expect(differences.find((d) => d.kind === "missing_in_stripe")).toMatchObject({ ledgerEntryId: invented.id });
    expect(differences.every((d) => d.explanation.length > 20 && d.amply && d.stripe)).toBe(true);
    expect(differences.map((d) => d.stripeObjectId)).not.toContain(fine.charge);

    const text = await pageText(org.organisation.slug, admin);
    expect(text).toContain("3 differences");
    expect(text).toContain("Missing in Amply");
    expect(text).toContain("Missing in Stripe");
    expect(text).toContain(lostCharge);
    expect(text).not.toContain("Clean");

    // A re-sync from Stripe finds the lost charge.updated and applies it; the next reconciliation no
    // longer reports that charge. The tampered and invented rows are not Stripe's to repair: they stay.
    const resync = async () => {
      const queued = await requestResync(org.organisation.id, { reason: "manual", requestedById: admin.id });
      while ((await processResyncRuns()).runs > 0);
      await drainInbox();
      return db.stripeResync.findUniqueOrThrow({ where: { id: queued.id } });
    };
    expect(await resync()).toMatchObject({ state: "done", eventsNew: 1 });
    expect(await db.ledgerEntry.count({ where: { donationId: unbooked.id, type: "donation_received" } })).toBe(1);
    const after = await finish((await startReconciliationRun(org.organisation.id, thisMonth("Europe/Berlin"), admin.id)).id);
    const left = await db.reconciliationDifference.findMany({ where: { runId: after.id } });
    expect(left.map((d) => [d.kind, d.stripeObjectId]).sort()).toEqual(
      [
        ["missing_in_amply", removed.charge],
        ["missing_in_stripe", "po_never_made"],
      ].sort(),
    );

    // A second re-sync finds nothing new and changes no row.
    const ledgerBefore = await db.ledgerEntry.findMany({ where: { organisationId: org.organisation.id }, orderBy: { id: "asc" } });
    const donationsBefore = await db.donation.findMany({ where: { organisationId: org.organisation.id }, orderBy: { id: "asc" } });
    expect(await resync()).toMatchObject({ state: "done", eventsNew: 0, objectsChanged: 0 });
    expect(await db.ledgerEntry.findMany({ where: { organisationId: org.organisation.id }, orderBy: { id: "asc" } })).toEqual(ledgerBefore);
    expect(await db.donation.findMany({ where: { organisationId: org.organisation.id }, orderBy: { id: "asc" } })).toEqual(donationsBefore);
  }, 120_000);
});

describe("the run as a job", () => {
  it("resumes where it stopped when its worker dies, with the same result", async () => {
    const org = await berlin();
    for (let i = 0; i < 3; i++) await paid(org, 1000 + i);
    await deliverAll(org.account);
    const run = await startReconciliationRun(org.organisation.id, thisMonth("Europe/Berlin"), admin.id);
    // The worker dies after its first page: nothing after it is written, and its lease runs out.
    await expect(
      processReconciliationRuns({
        leaseMs: 200,
        afterPage: () => {
          throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    const stopped = await db.reconciliationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(stopped).toMatchObject({ state: "running", stripePages: 1, chargesCompared: 3 });
    expect(stopped.cursor).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const done = await finish(run.id);
    expect(done).toMatchObject({ state: "done", chargesCompared: 3, differencesFound: 0 });
  }, 60_000);

  it("is started by admins from the dashboard, not by viewers, once at a time", async () => {
    const org = await berlin();
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    session.user = viewer;
    expect((await startReconciliationAction({}, form({ organisationId: org.organisation.id, from: "2026-10-01", to: "2026-10-31" }))).error).toBeTruthy();
    expect(await db.reconciliationRun.count({ where: { organisationId: org.organisation.id } })).toBe(0);
    session.user = admin;
    const refused = await startReconciliationAction({}, form({ organisationId: org.organisation.id, from: "2026-10-31", to: "2026-10-01" }));
    expect(refused.fieldErrors?.to).toBeTruthy();
    expect((await startReconciliationAction({}, form({ organisationId: org.organisation.id, from: "2026-10-01", to: "2026-10-31" }))).ok).toBe(true);
    expect((await startReconciliationAction({}, form({ organisationId: org.organisation.id, from: "2026-10-01", to: "2026-10-31" }))).error).toMatch(/already/);
    const run = await db.reconciliationRun.findFirstOrThrow({ where: { organisationId: org.organisation.id } });
    expect(run).toMatchObject({ state: "queued", fromDay: "2026-10-01", toDay: "2026-10-31", timeZone: "Europe/Berlin", requestedById: admin.id });
    const done = await finish(run.id);
    expect(done).toMatchObject({ state: "done", chargesCompared: 0, differencesFound: 0 });
  }, 60_000);

  it("explains an account that no longer lets Amply in", async () => {
    const org = await berlin();
    await control.deauthorize(org.account);
    const run = await startReconciliationRun(org.organisation.id, thisMonth("Europe/Berlin"), admin.id);
    const done = await finish(run.id);
    expect(done).toMatchObject({ state: "done", unreadableAccounts: [org.account] });
    const text = await pageText(org.organisation.slug, admin);
    expect(text).toContain(`Amply can no longer read ${org.account}`);
    expect(text).not.toContain("Clean");
  }, 60_000);
});
