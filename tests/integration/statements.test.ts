// Donor statements against real PostgreSQL: who may download one, another organisation's donor,
// what the PDF counts, and (below) emailing one and a bulk run for a year.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pdfText } from "../support/pdf-text";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { GET: statementRoute } = await import("@/app/api/organisations/[orgId]/donors/[donorId]/statement/route");
const { emailStatementAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/donors/[donorId]/actions");
const { startStatementRunAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/statements/actions");
const { processStatementRuns } = await import("@/lib/statements/process-statement-runs");
const { composeStatementEmail } = await import("@/lib/statements/statement-email");
const { organisationWithMembers, person, unique } = await import("../support/fixtures");

type User = { id: string; email: string };
const as = (who: User | null) => (session.user = who);
const people: Record<"owner" | "admin" | "viewer" | "stranger", User> = {} as never;
beforeAll(async () => {
  for (const role of ["owner", "admin", "viewer", "stranger"] as const) people[role] = await person(role);
});

async function organisation() {
  const org = await organisationWithMembers([
    [people.owner, "owner"],
    [people.admin, "admin"],
    [people.viewer, "viewer"],
  ]);
  return db.organisation.update({
    where: { id: org.id },
    data: { legalName: "River Trust e.V.", registrationNumber: "VR 12345 B", address: "Uferstraße 1\n10115 Berlin", timeZone: "Europe/Berlin" },
  });
}

async function donor(organisationId: string, name = "Zoë Łukasiewicz") {
  return db.donor.create({ data: { organisationId, email: `${unique("donor")}@example.org`, name } });
}

let receipt = 1;
async function gift(
  organisationId: string,
  donorId: string,
  input: { at?: string; charged?: number; refunded?: number; currency?: string; status?: "succeeded" | "failed" | "disputed" } = {},
) {
  const at = new Date(input.at ?? "2026-06-01T12:00:00Z");
  const charged = BigInt(input.charged ?? 2000);
  const status = input.status ?? "succeeded";
  return db.donation.create({
    data: {
      organisationId,
      donorId,
      amount: charged,
      chargedAmount: charged,
      refundedAmount: BigInt(input.refunded ?? 0),
      currency: input.currency ?? "EUR",
      status,
      paymentStatus: status === "disputed" ? "succeeded" : status,
      receiptNumber: status === "failed" ? null : receipt++,
      createdAt: at,
      succeededAt: status === "failed" ? null : at,
    },
  });
}

async function download(organisationId: string, donorId: string, query = "?year=2026") {
  const response = await statementRoute(new Request(`http://localhost:3000/api/organisations/${organisationId}/donors/${donorId}/statement${query}`), {
    params: Promise.resolve({ orgId: organisationId, donorId }),
  });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe("downloading a donor's statement", () => {
  it("gives admins and owners the year's gifts net of refunds, in the organisation's calendar", async () => {
    const org = await organisation();
    const zoe = await donor(org.id);
    await gift(org.id, zoe.id, { at: "2025-12-31T23:30:00Z", charged: 1000 }); // 1 January 2026 in Berlin
    await gift(org.id, zoe.id, { at: "2026-12-31T23:30:00Z", charged: 7000 }); // 2027 in Berlin
    await gift(org.id, zoe.id, { charged: 2563, refunded: 563 });
    await gift(org.id, zoe.id, { charged: 900, status: "failed" });
    await gift(org.id, zoe.id, { charged: 800, status: "disputed" });
    await gift(org.id, zoe.id, { charged: 1500, currency: "GBP" });

    for (const who of [people.admin, people.owner]) {
      as(who);
      const response = await download(org.id, zoe.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await pdfText(response.bytes);
      expect(text).toContain("River Trust e.V.");
      expect(text).toContain("VR 12345 B");
      expect(text).toContain("Zoë Łukasiewicz");
      expect(text).toMatch(/Total in EUR.*€30\.00/);
      expect(text).toMatch(/Total in GBP.*£15\.00/);
    }
  });

  it("refuses viewers, strangers and the signed-out, and does not find another organisation's donor", async () => {
    const org = await organisation();
    const other = await organisation();
    const theirs = await donor(other.id);
    await gift(other.id, theirs.id);
    const ours = await donor(org.id);

    as(people.viewer);
    expect((await download(org.id, ours.id)).status).toBe(403);
    as(people.stranger);
    expect((await download(org.id, ours.id)).status).toBe(403);
    as(null);
    expect((await download(org.id, ours.id)).status).toBe(401);
    as(people.admin);
    expect((await download(org.id, theirs.id)).status).toBe(404);
    expect((await download(org.id, ours.id, "?year=banana")).status).toBe(422);
    expect((await download(org.id, ours.id, `?year=${new Date().getUTCFullYear() + 5}`)).status).toBe(422);
  });
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** The outbox's statement emails for this donor, sent or not. */
const statementEmails = (donorId: string) => db.outboxEmail.findMany({ where: { statementDonorId: donorId } });

describe("emailing one donor's statement", () => {
  it("puts a statement email in the outbox, written with its PDF when sent; admins only, own donors only", async () => {
    const org = await organisation();
    const other = await organisation();
    const zoe = await donor(org.id);
    await gift(org.id, zoe.id, { charged: 4200 });
    const theirs = await donor(other.id);

    as(people.viewer);
    expect((await emailStatementAction({}, form({ organisationId: org.id, donorId: zoe.id, year: "2026" }))).error).toBeTruthy();
    as(people.admin);
    expect((await emailStatementAction({}, form({ organisationId: org.id, donorId: theirs.id, year: "2026" }))).error).toMatch(/no such donor/);
    expect(await statementEmails(zoe.id)).toHaveLength(0);
    expect(await statementEmails(theirs.id)).toHaveLength(0);

    const state = await emailStatementAction({}, form({ organisationId: org.id, donorId: zoe.id, year: "2026" }));
    expect(state.ok).toBe(true);
    const [queued] = await statementEmails(zoe.id);
    expect(queued).toMatchObject({ to: zoe.email, statementYear: 2026, kind: "statement", status: "pending" });

    // What the outbox writes when it sends it.
    const composed = await composeStatementEmail(zoe.id, 2026);
    expect(composed.subject).toContain("2026");
    expect(composed.text).toContain("Total in EUR: €42.00");
    expect(composed.attachments.map((file) => file.filename)).toEqual(["statement-2026.pdf"]);
    const text = await pdfText(new Uint8Array(composed.attachments[0]?.content ?? []));
    expect(text).toContain("VR 12345 B");
    expect(text).toMatch(/Total in EUR.*€42\.00/);
  });
});

describe("emailing every donor their statement for a year", () => {
  async function donorsWithGifts(organisationId: string, count: number) {
    const donors = [];
    for (let index = 0; index < count; index++) {
      const each = await donor(organisationId, `Donor ${index}`);
      await gift(organisationId, each.id, { charged: 1000 + index });
      donors.push(each);
    }
    return donors;
  }

  async function start(organisationId: string, year = "2026") {
    return startStatementRunAction({}, form({ organisationId, year }));
  }

  it("emails each donor with a gift that year once; skips gifts refunded in full, other years and other organisations", async () => {
    const org = await organisation();
    const other = await organisation();
    const donors = await donorsWithGifts(org.id, 4);
    const refunded = await donor(org.id);
    await gift(org.id, refunded.id, { charged: 500, refunded: 500 });
    const lastYear = await donor(org.id);
    await gift(org.id, lastYear.id, { at: "2025-06-01T12:00:00Z" });
    const elsewhere = (await donorsWithGifts(other.id, 1))[0];

    as(people.viewer);
    expect((await start(org.id)).error).toBeTruthy();
    expect(await db.statementRun.count({ where: { organisationId: org.id } })).toBe(0);
    as(people.admin);
    expect((await start(org.id)).ok).toBe(true);
    // Asked twice while the first is under way: one run.
    expect((await start(org.id)).error).toMatch(/already/);

    while ((await processStatementRuns({ batchSize: 2 })).batches > 0);
    const run = await db.statementRun.findFirstOrThrow({ where: { organisationId: org.id }, include: { items: true } });
    expect(run).toMatchObject({ state: "done", total: 4, doneCount: 4, emailedCount: 4 });
    expect(run.items.map((item) => item.donorId).sort()).toEqual(donors.map((each) => each.id).sort());
    for (const each of donors) expect(await statementEmails(each.id)).toHaveLength(1);
    for (const none of [refunded, lastYear, elsewhere]) expect(await statementEmails(none?.id ?? "")).toHaveLength(0);
  });

  it("makes one run of two requests at the same moment", async () => {
    const org = await organisation();
    await donorsWithGifts(org.id, 1);
    as(people.owner);
    const states = await Promise.all([start(org.id), start(org.id), start(org.id)]);
    expect(states.filter((state) => state.ok)).toHaveLength(1);
    expect(await db.statementRun.count({ where: { organisationId: org.id } })).toBe(1);
    // Finished here, so that the next test's worker takes the next test's run.
    while ((await processStatementRuns()).batches > 0);
  });

  it("resumes after a worker dies mid-run, once its lease runs out, and emails nobody twice", async () => {
    const org = await organisation();
    const donors = await donorsWithGifts(org.id, 5);
    as(people.admin);
    await start(org.id);

    const crash = new Error("worker killed");
    await expect(
      processStatementRuns({
        batchSize: 2,
        afterBatch: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const halfway = await db.statementRun.findFirstOrThrow({ where: { organisationId: org.id } });
    expect(halfway).toMatchObject({ state: "running", doneCount: 2, lastError: "worker killed" });
    // While the dead worker's lease lasts, nobody else takes the run.
    expect((await processStatementRuns({ batchSize: 2 })).batches).toBe(0);

    await db.statementRun.update({ where: { id: halfway.id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    while ((await processStatementRuns({ batchSize: 2 })).batches > 0);
    const run = await db.statementRun.findUniqueOrThrow({ where: { id: halfway.id } });
    expect(run).toMatchObject({ state: "done", total: 5, doneCount: 5, emailedCount: 5, lastError: null });
    for (const each of donors) expect(await statementEmails(each.id)).toHaveLength(1);
  });

  it("gives each donor one email when several workers run at once", async () => {
    const org = await organisation();
    const donors = await donorsWithGifts(org.id, 12);
    as(people.admin);
    await start(org.id);
    // Expired leases over and over: workers keep taking the run from each other.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let round = 0; round < 20; round++) await processStatementRuns({ batchSize: 3, leaseMs: round % 2 ? 1 : 60_000 });
      }),
    );
    const run = await db.statementRun.findFirstOrThrow({ where: { organisationId: org.id }, include: { items: true } });
    expect(run).toMatchObject({ state: "done", doneCount: 12, emailedCount: 12 });
    expect(new Set(run.items.map((item) => item.donorId)).size).toBe(12);
    for (const each of donors) expect(await statementEmails(each.id)).toHaveLength(1);
  });
});
