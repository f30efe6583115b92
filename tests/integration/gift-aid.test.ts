// Gift Aid against real PostgreSQL and the sandbox: declarations made with a gift (and refused where
// Gift Aid does not apply, with nothing written), which gifts an export claims, refunds before and
// after an export, concurrent exports, and who may export and download.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { db } = await import("@/lib/db/client");
const { POST: giveRoute } = await import("@/app/api/donations/route");
const { GET: download } = await import("@/app/api/organisations/[orgId]/gift-aid/exports/[exportId]/route");
const { createGiftAidExportAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/gift-aid/actions");
const { GIFT_AID_WORDING_VERSION } = await import("@/lib/gift-aid/declaration-wording");
const { chargeIdOf, connectedOrganisation, control, deliver, eventOf, payWithCard, person, unique } = await import("../support/fixtures");

type User = { id: string; email: string };
const as = (who: User | null) => (session.user = who);
let address = 1;

async function give(body: Record<string, unknown>, key = randomUUID()) {
  const response = await giveRoute(
    new Request("http://localhost:3000/api/donations", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        "x-amply-client-address": `198.51.100.${(address++ % 200) + 20}`,
        "idempotency-key": key,
      },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { fields?: Record<string, string[]> } } };
}

const declaration = {
  title: "Dr",
  firstName: "Ada",
  lastName: "King-Lovelace",
  houseNameOrNumber: "12",
  postcode: "sw1a1aa",
  future: false,
  wordingVersion: GIFT_AID_WORDING_VERSION,
};

async function ukOrganisation(members: Array<[User, "owner" | "admin" | "viewer"]> = []) {
  const org = await connectedOrganisation({ country: "GB", currencies: ["GBP", "EUR"] });
  // As a UK organisation starts (Settings > Receipts can change it): its days are London's.
  await db.organisation.update({
    where: { id: org.organisation.id },
    data: { stripeAccountCountry: "GB", defaultCurrency: "GBP", timeZone: "Europe/London" },
  });
  for (const [user, role] of members) await db.membership.create({ data: { userId: user.id, organisationId: org.organisation.id, role } });
  return org;
}

const gbp = (org: { organisation: { slug: string } }, extra: Record<string, unknown> = {}) => ({
  organisation: org.organisation.slug,
  amount: 2500,
  currency: "GBP",
  expectedTotal: 2500,
  donor: { name: "Ada", email: `${unique("ada")}@example.org` },
  ...extra,
});

describe("declaring Gift Aid with a gift", () => {
  it("stores the declaration with its date, wording and scope, and links the donation to it", async () => {
    const org = await ukOrganisation();
    const before = new Date();
    const response = await give(gbp(org, { giftAid: { ...declaration, future: true } }));
    expect(response.status).toBe(201);
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(response.body.donationId) }, include: { giftAidDeclaration: true } });
    expect(donation.giftAidDeclaration).toMatchObject({
      organisationId: org.organisation.id,
      donorId: donation.donorId,
      title: "Dr",
      firstName: "Ada",
      lastName: "King-Lovelace",
      houseNameOrNumber: "12",
      postcode: "SW1A 1AA",
      scope: "this_and_future",
      wordingVersion: GIFT_AID_WORDING_VERSION,
      cancelledAt: null,
    });
    expect(donation.giftAidDeclaration?.declaredAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("stores X for a donor who lives outside the UK", async () => {
    const org = await ukOrganisation();
    const response = await give(gbp(org, { giftAid: { ...declaration, postcode: "", outsideUk: true } }));
    const donation = await db.donation.findUniqueOrThrow({ where: { id: String(response.body.donationId) }, include: { giftAidDeclaration: true } });
    expect(donation.giftAidDeclaration).toMatchObject({ postcode: "X", scope: "this_gift" });
  });

  it.each([
    ["a gift in euros to a UK organisation", "GB", "EUR"],
    ["a gift in pounds to a German organisation", "DE", "GBP"],
  ])("is refused for %s, with nothing written", async (_case, country, currency) => {
    const org = country === "GB" ? await ukOrganisation() : await connectedOrganisation({ country: "DE" });
    const response = await give(gbp(org, { currency, amount: 2500, expectedTotal: 2500, giftAid: declaration }));
    expect(response.status).toBe(422);
    expect(response.body.error?.fields?.giftAid?.[0]).toMatch(/only for gifts in pounds \(GBP\) to UK charities/);
    expect(await db.donation.count({ where: { organisationId: org.organisation.id } })).toBe(0);
    expect(await db.giftAidDeclaration.count({ where: { organisationId: org.organisation.id } })).toBe(0);
  });

  it("refuses a tampered declaration (no postcode, over-long names) with field errors and nothing written", async () => {
    const org = await ukOrganisation();
    const response = await give(gbp(org, { giftAid: { ...declaration, postcode: "=cmd", firstName: "x".repeat(36) } }));
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error?.fields ?? {}).sort()).toEqual(["giftAid.firstName", "giftAid.postcode"]);
    expect(await db.giftAidDeclaration.count({ where: { organisationId: org.organisation.id } })).toBe(0);
  });

  it("follows a retry of the same page: a changed declaration is a new one, unticking removes it", async () => {
    const org = await ukOrganisation();
    const key = randomUUID();
    const body: Record<string, unknown> = gbp(org, { giftAid: declaration });
    const first = await give(body, key);
    const firstDonation = await db.donation.findUniqueOrThrow({ where: { id: String(first.body.donationId) } });
    const firstDeclaration = firstDonation.giftAidDeclarationId;
    expect(firstDeclaration).toBeTruthy();

    // The same request again: the same declaration, no second one.
    await give(body, key);
    expect((await db.donation.findUniqueOrThrow({ where: { id: firstDonation.id } })).giftAidDeclarationId).toBe(firstDeclaration);
    expect(await db.giftAidDeclaration.count({ where: { organisationId: org.organisation.id } })).toBe(1);

    await give({ ...body, giftAid: { ...declaration, houseNameOrNumber: "14" } }, key);
    const changed = await db.donation.findUniqueOrThrow({ where: { id: firstDonation.id }, include: { giftAidDeclaration: true } });
    expect(changed.giftAidDeclaration).toMatchObject({ houseNameOrNumber: "14" });
    expect((await db.giftAidDeclaration.findUniqueOrThrow({ where: { id: String(firstDeclaration) } })).cancelledAt).not.toBeNull();

    const { giftAid: _unticked, ...without } = body;
    await give(without, key);
    expect((await db.donation.findUniqueOrThrow({ where: { id: firstDonation.id } })).giftAidDeclarationId).toBeNull();
    expect(await db.giftAidDeclaration.count({ where: { organisationId: org.organisation.id, cancelledAt: null } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

const people: Record<"owner" | "admin" | "viewer" | "stranger", User> = {} as never;
beforeAll(async () => {
  for (const role of ["owner", "admin", "viewer", "stranger"] as const) people[role] = await person(role);
});

type Org = Awaited<ReturnType<typeof ukOrganisation>>;

/** A donor of the organisation, with a declaration if asked for. */
async function donorOf(org: Org, scope?: "this_gift" | "this_and_future", declaredAt = new Date("2026-05-01T12:00:00Z")) {
  const donor = await db.donor.create({ data: { organisationId: org.organisation.id, email: `${unique("d")}@example.org` } });
  const declared = scope
    ? await db.giftAidDeclaration.create({
        data: {
          organisationId: org.organisation.id,
          donorId: donor.id,
          firstName: "Grace",
          lastName: `Hopper ${Math.random().toString(36).slice(2, 8)}`,
          houseNameOrNumber: "7",
          postcode: "M1 1AE",
          scope,
          wordingVersion: GIFT_AID_WORDING_VERSION,
          declaredAt,
        },
      })
    : null;
  return { donor, declared };
}

/** A gift as the webhook leaves it, straight in the database. */
async function gift(
  org: Org,
  donorId: string,
  input: {
    declarationId?: string | null;
    at?: string;
    amount?: number;
    fee?: number;
    refunded?: number;
    currency?: string;
    status?: "succeeded" | "pending" | "partially_refunded" | "refunded";
  },
) {
  const at = new Date(input.at ?? "2026-06-01T12:00:00Z");
  const amount = BigInt(input.amount ?? 2000);
  const fee = BigInt(input.fee ?? 0);
  return db.donation.create({
    data: {
      organisationId: org.organisation.id,
      donorId,
      amount,
      feeCovered: fee,
      chargedAmount: amount + fee,
      refundedAmount: BigInt(input.refunded ?? 0),
      currency: input.currency ?? "GBP",
      status: input.status ?? "succeeded",
      paymentStatus: input.status === "pending" ? "pending" : "succeeded",
      giftAidDeclarationId: input.declarationId ?? null,
      createdAt: at,
      succeededAt: input.status === "pending" ? null : at,
    },
  });
}

function exportForm(org: Org, start = "2026-04-06", end = "2027-04-05") {
  const form = new FormData();
  form.set("organisationId", org.organisation.id);
  form.set("start", start);
  form.set("end", end);
  return form;
}

async function exportPeriod(org: Org, start?: string, end?: string) {
  const state = await createGiftAidExportAction({}, exportForm(org, start, end));
  const created = await db.giftAidExport.findFirst({ where: { organisationId: org.organisation.id }, orderBy: { createdAt: "desc" } });
  return { state, created };
}

async function file(org: Org, exportId: string, query = "") {
  const response = await download(new Request(`http://localhost:3000/api/organisations/${org.organisation.id}/gift-aid/exports/${exportId}${query}`), {
    params: Promise.resolve({ orgId: org.organisation.id, exportId }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const dataLines = (csv: string) => csv.split("\r\n").slice(1).filter(Boolean);

describe("which gifts an export claims", () => {
  it("claims declared, succeeded GBP gifts in the period for what the donor paid less refunds; nothing else", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    const single = await donorOf(org, "this_gift");
    const standing = await donorOf(org, "this_and_future", new Date("2026-05-01T12:00:00Z"));
    const none = await donorOf(org);

    const claimed = await gift(org, single.donor.id, { declarationId: single.declared?.id, amount: 2000, fee: 63 });
    const partly = await gift(org, standing.donor.id, { declarationId: standing.declared?.id, amount: 5000, refunded: 1500, status: "partially_refunded" });
    // A later gift of a donor with a declaration for future gifts: covered without a new one.
    const later = await gift(org, standing.donor.id, { at: "2026-07-01T12:00:00Z", amount: 1000 });
    // Not claimed: before the standing declaration, a one-gift declaration's later gift, no declaration,
    // pending, fully refunded, euros, outside the period.
    await gift(org, standing.donor.id, { at: "2026-04-20T12:00:00Z" });
    await gift(org, single.donor.id, { at: "2026-07-02T12:00:00Z" });
    await gift(org, none.donor.id, {});
    await gift(org, single.donor.id, { declarationId: single.declared?.id, status: "pending" });
    await gift(org, single.donor.id, { declarationId: single.declared?.id, refunded: 2000, status: "refunded" });
    await gift(org, single.donor.id, { declarationId: single.declared?.id, currency: "EUR" });
    await gift(org, single.donor.id, { declarationId: single.declared?.id, at: "2027-04-05T23:30:00Z" });

    const { state, created } = await exportPeriod(org);
    expect(state).toMatchObject({ ok: true });
    const rows = await db.giftAidExportRow.findMany({ where: { exportId: created?.id }, orderBy: { position: "asc" } });
    expect(rows.map((row) => [row.donationId, row.amount])).toEqual([
      [claimed.id, 2063n],
      [partly.id, 3500n],
      [later.id, 1000n],
    ]);
    expect(created).toMatchObject({ donationCount: 3, donationTotal: 6563n, adjustmentTotal: 0n, timeZone: "Europe/London" });

    const csv = await file(org, String(created?.id));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("cache-control")).toBe("no-store");
    expect(dataLines(csv.text)[0]).toBe(`,Grace,${single.declared?.lastName},7,M1 1AE,,,01/06/26,20.63`);
  });

  it("dates a gift by London's calendar: 23:30 UTC on 5 April 2026 is in the 2026-27 tax year", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    const { donor, declared } = await donorOf(org, "this_gift");
    await gift(org, donor.id, { declarationId: declared?.id, at: "2026-04-05T23:30:00Z" });
    await gift(org, donor.id, { declarationId: declared?.id, at: "2026-04-05T22:30:00Z" });
    const { created } = await exportPeriod(org);
    const csv = await file(org, String(created?.id));
    expect(dataLines(csv.text).map((line) => line.split(",").at(-2))).toEqual(["06/04/26"]);
  });

  it("splits more than 1,000 donations into files of 1,000", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    const { donor, declared } = await donorOf(org, "this_and_future", new Date("2026-04-06T00:00:00Z"));
    await db.donation.createMany({
      data: Array.from({ length: 1001 }, (_, index) => ({
        organisationId: org.organisation.id,
        donorId: donor.id,
        amount: 100n + BigInt(index),
        chargedAmount: 100n + BigInt(index),
        currency: "GBP",
        status: "succeeded" as const,
        paymentStatus: "succeeded" as const,
        giftAidDeclarationId: declared?.id,
        createdAt: new Date("2026-08-01T12:00:00Z"),
        succeededAt: new Date(Date.parse("2026-08-01T12:00:00Z") + index * 1000),
      })),
    });
    const { created } = await exportPeriod(org);
    const first = await file(org, String(created?.id), "?part=1");
    const second = await file(org, String(created?.id), "?part=2");
    expect(dataLines(first.text)).toHaveLength(1000);
    expect(dataLines(second.text)).toEqual([`,Grace,${declared?.lastName},7,M1 1AE,,,01/08/26,11.00`]);
    expect(second.headers.get("content-disposition")).toBe('attachment; filename="gift-aid-2026-04-06-to-2027-04-05-part-2-of-2.csv"');
    expect((await file(org, String(created?.id), "?part=3")).status).toBe(404);
  });
});

describe("refunds and exports", () => {
  it("a refund before the export: the gift is not claimed", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    const response = await give(gbp(org, { giftAid: declaration }));
    const intentId = String(response.body.clientSecret).split("_secret_")[0] ?? "";
    const paid = await payWithCard(intentId, org.account);
    await deliver(await eventOf(org.account, "payment_intent.succeeded", intentId));
    await control.refund(chargeIdOf(paid));
    await deliver(await eventOf(org.account, "charge.refunded"));
    expect((await db.donation.findUniqueOrThrow({ where: { id: String(response.body.donationId) } })).status).toBe("refunded");
    const { state } = await exportPeriod(org, "2026-04-06", "2027-04-05");
    expect(state.error).toMatch(/nothing new to export/);
  });

  it("a refund after the export: listed once as an adjustment in the next export; a new export of the period claims nothing twice", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    const response = await give(gbp(org, { giftAid: declaration }));
    const donationId = String(response.body.donationId);
    const intentId = String(response.body.clientSecret).split("_secret_")[0] ?? "";
    const paid = await payWithCard(intentId, org.account);
    await deliver(await eventOf(org.account, "payment_intent.succeeded", intentId));
    const today = new Date().toISOString().slice(0, 10);

    const first = await exportPeriod(org, "2026-04-06", today);
    const firstFile = await file(org, String(first.created?.id));
    expect(dataLines(firstFile.text)).toEqual([expect.stringMatching(/^Dr,Ada,King Lovelace,12,SW1A 1AA,,,\d\d\/\d\d\/\d\d,25\.00$/)]);

    // Nothing new yet: a second export of the same period is refused, the first downloads the same.
    expect((await exportPeriod(org, "2026-04-06", today)).state.error).toMatch(/nothing new/);
    expect((await file(org, String(first.created?.id))).text).toBe(firstFile.text);

    await control.refund(chargeIdOf(paid), 1000);
    await deliver(await eventOf(org.account, "charge.refunded"));
    const second = await exportPeriod(org, "2026-04-06", today);
    expect(second.created).toMatchObject({ donationCount: 0, adjustmentTotal: 1000n });
    expect(dataLines((await file(org, String(second.created?.id), "?file=adjustments")).text)).toEqual([
      expect.stringMatching(/^Dr,Ada,King Lovelace,12,SW1A 1AA,\d\d\/\d\d\/\d\d,10\.00$/),
    ]);
    expect(dataLines((await file(org, String(second.created?.id))).text)).toEqual([]);

    // The rest refunded: only the part not yet reported.
    await control.refund(chargeIdOf(paid));
    await deliver(await eventOf(org.account, "charge.refunded"));
    const third = await exportPeriod(org, "2026-04-06", today);
    expect(third.created).toMatchObject({ adjustmentTotal: 1500n });
    expect((await exportPeriod(org, "2026-04-06", today)).state.error).toMatch(/nothing new/);
    expect(await db.giftAidExportRow.count({ where: { donationId, kind: "donation" } })).toBe(1);
  });

  it("two exports at once claim each gift once", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    const { donor, declared } = await donorOf(org, "this_and_future", new Date("2026-04-06T00:00:00Z"));
    for (let i = 0; i < 5; i++) await gift(org, donor.id, { declarationId: declared?.id });
    const states = await Promise.all(Array.from({ length: 4 }, () => createGiftAidExportAction({}, exportForm(org))));
    expect(states.filter((state) => state.ok)).toHaveLength(1);
    expect(await db.giftAidExportRow.count({ where: { export: { organisationId: org.organisation.id } } })).toBe(5);
  });
});

describe("who may export and download", () => {
  it("admins and owners export; a viewer, a stranger and a signed-out visitor are refused, and nothing is recorded", async () => {
    const org = await ukOrganisation([
      [people.owner, "owner"],
      [people.admin, "admin"],
      [people.viewer, "viewer"],
    ]);
    const { donor, declared } = await donorOf(org, "this_gift");
    await gift(org, donor.id, { declarationId: declared?.id });
    for (const [who, message] of [
      [people.viewer, /needs the admin role/],
      [people.stranger, /not a member/],
      [null, /Sign in/],
    ] as const) {
      as(who);
      expect((await createGiftAidExportAction({}, exportForm(org))).error).toMatch(message);
    }
    expect(await db.giftAidExport.count({ where: { organisationId: org.organisation.id } })).toBe(0);

    as(people.admin);
    const { created } = await exportPeriod(org);
    expect(created).not.toBeNull();
    expect((await file(org, String(created?.id))).status).toBe(200);
    as(people.viewer);
    expect((await file(org, String(created?.id))).status).toBe(403);
    as(people.stranger);
    expect((await file(org, String(created?.id))).status).toBe(403);
  });

  it("never serves another organisation's export", async () => {
    const mine = await ukOrganisation([[people.owner, "owner"]]);
    const theirs = await ukOrganisation([[people.stranger, "owner"]]);
    const { donor, declared } = await donorOf(theirs, "this_gift");
    await gift(theirs, donor.id, { declarationId: declared?.id });
    as(people.stranger);
    const { created } = await exportPeriod(theirs);
    as(people.owner);
    expect((await file(mine, String(created?.id))).status).toBe(404);
  });

  it("refuses a period that is not one, and an organisation outside the UK", async () => {
    as(people.owner);
    const org = await ukOrganisation([[people.owner, "owner"]]);
    expect(await createGiftAidExportAction({}, exportForm(org, "2027-04-05", "2026-04-06"))).toMatchObject({
      fieldErrors: { end: "The last date must not be before the first." },
      values: { start: "2027-04-05", end: "2026-04-06" },
    });
    expect((await createGiftAidExportAction({}, exportForm(org, "2026-02-30", "2027-04-05"))).fieldErrors?.start).toMatch(/not a date/);
    const german = await connectedOrganisation({ country: "DE" });
    await db.membership.create({ data: { userId: people.owner.id, organisationId: german.organisation.id, role: "owner" } });
    expect((await createGiftAidExportAction({}, exportForm(german))).error).toMatch(/only for organisations in the UK/);
  });
});
