// Funds and campaigns from the dashboard: the actions run for real (roles, transactions, images);
// only the session lookup and Next's cache revalidation and redirect are stubbed, as none exists
// outside a request. Then what a campaign has raised, and donations to campaigns that are not open.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/auth/auth", () => ({ auth: () => Promise.resolve(session.user ? { user: session.user } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("redirect"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  },
}));

const { db } = await import("@/lib/db/client");
const { saveCampaignAction, archiveCampaignAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/campaigns/actions");
const { saveFundAction, archiveFundAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/funds/actions");
const { updateGivePageAction } = await import("@/app/(dashboard)/dashboard/[orgSlug]/settings/actions");
const { campaignTotals } = await import("@/lib/campaigns/campaign-totals");
const { POST } = await import("@/app/api/donations/route");
const { connectedOrganisation, organisationWithMembers, person, unique } = await import("../support/fixtures");

type User = { id: string; email: string };
let owner: User;
let admin: User;
let viewer: User;
let organisation: { id: string; slug: string };
let other: { id: string; slug: string };
let fundId: string;
let otherFundId: string;

const png = async (width: number, height: number) =>
  new File(
    [
      Uint8Array.from(
        await sharp({ create: { width, height, channels: 3, background: { r: 10, g: 120, b: 100 } } })
          .png()
          .toBuffer(),
      ),
    ],
    "photo.png",
    {
      type: "image/png",
    },
  );

function campaignForm(fields: Record<string, string | File>, organisationId = organisation.id) {
  const form = new FormData();
  form.set("organisationId", organisationId);
  form.set("name", "Wells for Wakiso");
  form.set("slug", unique("wells"));
  form.set("story", "We are **digging** ten wells.");
  form.set("fundId", "");
  form.set("startsOn", "");
  form.set("endsOn", "");
  form.set("goal.EUR", "");
  form.set("suggested.EUR", "");
  form.set("goal.GBP", "");
  form.set("suggested.GBP", "");
  form.set("image", new File([], "blob", { type: "application/octet-stream" }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

/** Create a campaign as the signed-in member; answers the campaign created (the action redirects to it). */
async function createCampaign(fields: Record<string, string | File> = {}) {
  const slug = typeof fields.slug === "string" ? fields.slug : unique("camp");
  const error = await saveCampaignAction({}, campaignForm({ slug, ...fields })).then(
    (state) => state,
    (thrown: unknown) => thrown,
  );
  expect(error).toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") as string });
  return db.campaign.findUniqueOrThrow({ where: { organisationId_slug: { organisationId: organisation.id, slug } }, include: { currencies: true } });
}

const campaignCount = () => db.campaign.count({ where: { organisationId: organisation.id } });

beforeAll(async () => {
  owner = await person("camp-owner");
  admin = await person("camp-admin");
  viewer = await person("camp-viewer");
  const created = await organisationWithMembers([
    [owner, "owner"],
    [admin, "admin"],
    [viewer, "viewer"],
  ]);
  await db.organisation.update({ where: { id: created.id }, data: { acceptedCurrencies: ["EUR", "GBP"] } });
  organisation = created;
  other = await organisationWithMembers([[owner, "owner"]]);
  fundId = (await db.fund.create({ data: { organisationId: organisation.id, slug: "water", name: "Clean water" } })).id;
  otherFundId = (await db.fund.create({ data: { organisationId: other.id, slug: "water", name: "Their water" } })).id;
});

describe("the campaign action", () => {
  it("lets an admin create a campaign with a story, a picture, goals and suggested amounts per currency, and dates", async () => {
    session.user = admin;
    const campaign = await createCampaign({
      fundId,
      startsOn: "2026-12-01",
      endsOn: "2026-12-24",
      "goal.EUR": "1,000",
      "suggested.EUR": "10, 25 50",
      "goal.GBP": "",
      "suggested.GBP": "5; 15",
      image: await png(2400, 1200),
    });
    expect(campaign).toMatchObject({
      name: "Wells for Wakiso",
      description: "We are **digging** ten wells.",
      fundId,
      active: true,
      startsAt: new Date("2026-12-01T00:00:00Z"),
      // The end is the start of the day after the last day.
      endsAt: new Date("2026-12-25T00:00:00Z"),
    });
    expect(campaign.currencies.sort((a, b) => a.currency.localeCompare(b.currency))).toEqual([
      { campaignId: campaign.id, currency: "EUR", goalAmount: 100_000n, suggestedAmounts: [1_000n, 2_500n, 5_000n] },
      { campaignId: campaign.id, currency: "GBP", goalAmount: null, suggestedAmounts: [500n, 1_500n] },
    ]);
    const image = await db.image.findUniqueOrThrow({ where: { id: campaign.imageId ?? "" } });
    expect(image).toMatchObject({ organisationId: organisation.id, purpose: "campaign", contentType: "image/png", width: 1200, height: 600 });
  });

  it("edits a campaign: new goals replace the old ones, and a new picture replaces (and deletes) the old", async () => {
    session.user = owner;
    const campaign = await createCampaign({ "goal.EUR": "500", image: await png(100, 100) });
    const state = await saveCampaignAction(
      {},
      campaignForm({ campaignId: campaign.id, slug: campaign.slug, name: "Wells, phase two", "goal.GBP": "300", image: await png(50, 50) }),
    );
    expect(state).toEqual({ ok: true, message: "Saved." });
    const after = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, include: { currencies: true } });
    expect(after.name).toBe("Wells, phase two");
    expect(after.currencies).toEqual([{ campaignId: campaign.id, currency: "GBP", goalAmount: 30_000n, suggestedAmounts: [] }]);
    expect(after.imageId).not.toBe(campaign.imageId);
    expect(await db.image.count({ where: { id: campaign.imageId ?? "" } })).toBe(0);
  });

  it("refuses a viewer, and writes nothing", async () => {
    session.user = viewer;
    const before = await campaignCount();
    const state = await saveCampaignAction({}, campaignForm({ "goal.EUR": "1000" }));
    expect(state.error).toMatch(/needs the admin role; you are a viewer/);
    expect(await campaignCount()).toBe(before);
  });

  it("refuses another organisation's campaign, whichever organisation the form names", async () => {
    session.user = owner;
    const theirs = await db.campaign.create({ data: { organisationId: other.id, slug: unique("theirs"), name: "Theirs" } });
    // The form names this organisation (where the owner may edit) and their campaign's id.
    const edit = await saveCampaignAction({}, campaignForm({ campaignId: theirs.id, name: "Hijacked" }));
    expect(edit.error).toBe("That campaign does not exist (any more).");
    const archive = new FormData();
    archive.set("organisationId", organisation.id);
    archive.set("campaignId", theirs.id);
    archive.set("archive", "true");
    expect((await archiveCampaignAction({}, archive)).error).toBe("That campaign does not exist (any more).");
    expect(await db.campaign.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "Theirs", active: true });
    // A viewer of this organisation naming it gets nowhere either.
    session.user = viewer;
    expect((await archiveCampaignAction({}, archive)).error).toMatch(/needs the admin role/);
  });

  it("refuses invalid input with a message for each field, keeps what was typed, and writes nothing", async () => {
    session.user = admin;
    const taken = await createCampaign();
    const before = await campaignCount();
    const images = await db.image.count({ where: { organisationId: organisation.id } });
    const cases: Array<[Record<string, string | File>, string, RegExp]> = [
      [{ startsOn: "2026-12-10", endsOn: "2026-12-09" }, "endsOn", /on or after the first day/],
      [{ endsOn: "2026-02-30" }, "endsOn", /as a date/],
      [{ "goal.EUR": "0" }, "goal.EUR", /above zero/],
      [{ "goal.EUR": "ten" }, "goal.EUR", /cannot be part of an amount/],
      [{ "goal.EUR": "2000000000" }, "goal.EUR", /largest amount|at most/],
      [{ "goal.USD": "1000" }, "goal.USD", /You do not accept USD/],
      [{ "goal.XYZ": "1000" }, "goal.XYZ", /not a currency Stripe can charge in/],
      [{ "suggested.EUR": "0.10" }, "suggested.EUR", /smallest gift in EUR/],
      [{ "suggested.EUR": "1 2 3 4 5 6 7" }, "suggested.EUR", /at most 6 amounts/],
      [{ "suggested.EUR": "-5" }, "suggested.EUR", /above zero/],
      [{ story: "x".repeat(10_001) }, "story", /too long/],
      [{ name: "" }, "name", /title/],
      [{ slug: "Not A Slug!" }, "slug", /lowercase letters/],
      [{ slug: taken.slug }, "slug", /Another campaign of yours has that address/],
      [{ fundId: otherFundId }, "fundId", /Choose one of your open funds/],
      [
        { image: new File(["<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"], "x.png", { type: "image/png" }) },
        "image",
        /PNG, JPEG or WebP/,
      ],
    ];
    for (const [fields, field, message] of cases) {
      // A valid picture with each case: refused, it is not stored either.
      const state = await saveCampaignAction({}, campaignForm({ image: await png(20, 20), ...fields }));
      expect(state.fieldErrors?.[field], `${field} for ${JSON.stringify(fields).slice(0, 80)}`).toMatch(message);
      expect(state.ok).toBeUndefined();
      if (typeof fields[field] === "string" && field !== "story") expect(state.values?.[field]).toBe(fields[field]);
    }
    expect(await campaignCount()).toBe(before);
    expect(await db.image.count({ where: { organisationId: organisation.id } })).toBe(images);
  });

  it("two admins creating campaigns at one address at once: one is created, the other told the address is taken", async () => {
    session.user = admin;
    const slug = unique("race");
    const states = await Promise.all(
      [1, 2].map(() =>
        saveCampaignAction({}, campaignForm({ slug, "goal.EUR": "100" })).then(
          (state) => state,
          (thrown: unknown) => thrown,
        ),
      ),
    );
    expect(states.filter((state) => (state as { digest?: string }).digest?.includes("NEXT_REDIRECT"))).toHaveLength(1);
    expect(
      states.filter((state) => /Another campaign of yours has that address/.test((state as { fieldErrors?: { slug?: string } }).fieldErrors?.slug ?? "")),
    ).toHaveLength(1);
    expect(await db.campaign.count({ where: { organisationId: organisation.id, slug } })).toBe(1);
  });

  it("two edits replacing the picture at once both succeed, and leave one picture, no orphan", async () => {
    session.user = admin;
    const campaign = await createCampaign({ image: await png(30, 30) });
    const edits = await Promise.all(
      [40, 50, 60].map(async (side) => saveCampaignAction({}, campaignForm({ campaignId: campaign.id, slug: campaign.slug, image: await png(side, side) }))),
    );
    expect(edits).toEqual([1, 2, 3].map(() => ({ ok: true, message: "Saved." })));
    const after = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    const images = await db.image.findMany({ where: { organisationId: organisation.id, purpose: "campaign", campaignOf: null } });
    expect(images).toEqual([]);
    expect(after.imageId).not.toBe(campaign.imageId);
  });

  it("keeps a campaign's fund when that fund was archived since, but offers no archived fund to a campaign", async () => {
    session.user = admin;
    const closing = await db.fund.create({ data: { organisationId: organisation.id, slug: unique("closing"), name: "Closing" } });
    const campaign = await createCampaign({ fundId: closing.id });
    await db.fund.update({ where: { id: closing.id }, data: { active: false } });
    const edit = await saveCampaignAction({}, campaignForm({ campaignId: campaign.id, slug: campaign.slug, fundId: closing.id, name: "Renamed" }));
    expect(edit).toEqual({ ok: true, message: "Saved." });
    const other = await createCampaign();
    const moved = await saveCampaignAction({}, campaignForm({ campaignId: other.id, slug: other.slug, fundId: closing.id }));
    expect(moved.fieldErrors?.fundId).toMatch(/Choose one of your open funds/);
  });

  it("archives and reopens a campaign", async () => {
    session.user = admin;
    const campaign = await createCampaign();
    const form = new FormData();
    form.set("organisationId", organisation.id);
    form.set("campaignId", campaign.id);
    form.set("archive", "true");
    expect(await archiveCampaignAction({}, form)).toMatchObject({ ok: true });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).active).toBe(false);
    form.set("archive", "false");
    expect(await archiveCampaignAction({}, form)).toMatchObject({ ok: true });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).active).toBe(true);
  });
});

describe("the fund actions", () => {
  const fundForm = (fields: Record<string, string>) => {
    const form = new FormData();
    form.set("organisationId", organisation.id);
    for (const [name, value] of Object.entries({ name: "Schools", slug: unique("schools"), description: "", ...fields })) form.set(name, value);
    return form;
  };

  it("creates, edits and archives a fund", async () => {
    session.user = admin;
    const slug = unique("schools");
    expect(await saveFundAction({}, fundForm({ slug, description: "Books and desks." }))).toMatchObject({ ok: true });
    const fund = await db.fund.findUniqueOrThrow({ where: { organisationId_slug: { organisationId: organisation.id, slug } } });
    expect(fund).toMatchObject({ name: "Schools", description: "Books and desks.", active: true });
    expect(await saveFundAction({}, fundForm({ fundId: fund.id, slug, name: "Schools and books" }))).toMatchObject({ ok: true });
    expect(await db.fund.findUniqueOrThrow({ where: { id: fund.id } })).toMatchObject({ name: "Schools and books", description: null });
    const archive = fundForm({ fundId: fund.id, archive: "true" });
    expect(await archiveFundAction({}, archive)).toMatchObject({ ok: true });
    expect((await db.fund.findUniqueOrThrow({ where: { id: fund.id } })).active).toBe(false);
  });

  it("refuses a viewer, another organisation's fund, a taken address and a bad name, writing nothing", async () => {
    session.user = viewer;
    const before = await db.fund.count({ where: { organisationId: organisation.id } });
    expect((await saveFundAction({}, fundForm({}))).error).toMatch(/needs the admin role/);
    session.user = owner;
    expect((await saveFundAction({}, fundForm({ fundId: otherFundId, name: "Hijacked" }))).error).toBe("That fund does not exist (any more).");
    expect((await archiveFundAction({}, fundForm({ fundId: otherFundId, archive: "true" }))).error).toBe("That fund does not exist (any more).");
    expect(await db.fund.findUniqueOrThrow({ where: { id: otherFundId } })).toMatchObject({ name: "Their water", active: true });
    expect((await saveFundAction({}, fundForm({ slug: "water" }))).fieldErrors?.slug).toMatch(/Another fund of yours has that address/);
    expect((await saveFundAction({}, fundForm({ name: "X" }))).fieldErrors?.name).toMatch(/at least 2 characters/);
    expect(await db.fund.count({ where: { organisationId: organisation.id } })).toBe(before);
  });
});

describe("the donation page settings", () => {
  const pageForm = (fields: Record<string, string | File>) => {
    const form = new FormData();
    form.set("organisationId", organisation.id);
    form.set("websiteUrl", "");
    form.set("story", "");
    form.set("storyImage", new File([], "blob", { type: "application/octet-stream" }));
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  };
  const saved = () => db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { websiteUrl: true, story: true, storyImageId: true } });

  it("saves the story, an https website and a picture, and replaces the picture", async () => {
    session.user = admin;
    const state = await updateGivePageAction(
      {},
      pageForm({ websiteUrl: "https://river.example/about", story: "We keep the river **clean**.", storyImage: await png(1600, 900) }),
    );
    expect(state).toMatchObject({ ok: true });
    const first = await saved();
    expect(first).toMatchObject({ websiteUrl: "https://river.example/about", story: "We keep the river **clean**." });
    expect(await db.image.findUniqueOrThrow({ where: { id: first.storyImageId ?? "" } })).toMatchObject({ purpose: "story", width: 1200, height: 675 });
    await updateGivePageAction({}, pageForm({ websiteUrl: "https://river.example/about", storyImage: await png(40, 40) }));
    const second = await saved();
    expect(second.storyImageId).not.toBe(first.storyImageId);
    expect(second.story).toBeNull();
    expect(await db.image.count({ where: { id: first.storyImageId ?? "" } })).toBe(0);
  });

  it("two saves replacing the picture at once both succeed and leave no orphan picture", async () => {
    session.user = admin;
    const states = await Promise.all([30, 40, 50].map(async (side) => updateGivePageAction({}, pageForm({ storyImage: await png(side, side) }))));
    expect(states.every((state) => state.ok)).toBe(true);
    const pictures = await db.image.findMany({ where: { organisationId: organisation.id, purpose: "story" }, select: { id: true } });
    expect(pictures).toEqual([{ id: (await saved()).storyImageId }]);
  });

  it("refuses a viewer, a website that is not https, and a story too long, writing nothing", async () => {
    session.user = admin;
    await updateGivePageAction({}, pageForm({ websiteUrl: "https://river.example/", story: "Before" }));
    const before = await saved();
    session.user = viewer;
    expect((await updateGivePageAction({}, pageForm({ story: "Viewer's story" }))).error).toMatch(/needs the admin role/);
    session.user = admin;
    for (const websiteUrl of ["http://river.example/", "javascript:alert(1)", "river.example", "https://user:pw@river.example/"]) {
      const state = await updateGivePageAction({}, pageForm({ websiteUrl, story: "After", storyImage: await png(20, 20) }));
      expect(state.fieldErrors?.websiteUrl, websiteUrl).toMatch(/starting with https:\/\//);
    }
    expect((await updateGivePageAction({}, pageForm({ story: "x".repeat(10_001) }))).fieldErrors?.story).toMatch(/too long/);
    expect(await saved()).toEqual(before);
  });
});

describe("campaignTotals", () => {
  it("adds up paid gifts in each currency net of refunds (not the covered fee), excluding failed, pending and disputed ones, and counts each donor once", async () => {
    const campaign = await db.campaign.create({ data: { organisationId: organisation.id, slug: unique("totals"), name: "Totals" } });
    const elsewhere = await db.campaign.create({ data: { organisationId: organisation.id, slug: unique("elsewhere"), name: "Elsewhere" } });
    const donor = async () => (await db.donor.create({ data: { organisationId: organisation.id, email: `${unique("d")}@example.org` } })).id;
    const [ada, bob, cy] = [await donor(), await donor(), await donor()];
    type Gift = {
      amount: bigint;
      fee?: bigint;
      refunded?: bigint;
      currency?: string;
      status: "succeeded" | "partially_refunded" | "refunded" | "failed" | "pending" | "disputed";
      donorId: string;
      campaignId?: string;
    };
    const gifts: Gift[] = [
      { amount: 2_500n, fee: 63n, status: "succeeded", donorId: ada },
      { amount: 5_000n, refunded: 1_000n, status: "partially_refunded", donorId: ada },
      // Refunded whole, covered fee included: counts nothing, not less than nothing.
      { amount: 1_000n, fee: 40n, refunded: 1_040n, status: "refunded", donorId: bob },
      { amount: 9_999n, status: "failed", donorId: bob },
      { amount: 9_999n, status: "pending", donorId: bob },
      { amount: 9_999n, status: "disputed", donorId: bob },
      { amount: 3_000n, currency: "GBP", status: "succeeded", donorId: cy },
      { amount: 7_777n, status: "succeeded", donorId: cy, campaignId: elsewhere.id },
    ];
    for (const gift of gifts) {
      await db.donation.create({
        data: {
          organisationId: organisation.id,
          campaignId: gift.campaignId ?? campaign.id,
          donorId: gift.donorId,
          amount: gift.amount,
          feeCovered: gift.fee ?? 0n,
          chargedAmount: gift.amount + (gift.fee ?? 0n),
          refundedAmount: gift.refunded ?? 0n,
          currency: gift.currency ?? "EUR",
          status: gift.status,
          paymentStatus: gift.status === "pending" || gift.status === "failed" ? gift.status : "succeeded",
        },
      });
    }
    expect(await campaignTotals(organisation.id, campaign.id)).toEqual({
      raised: [
        { currency: "EUR", raised: 6_500n },
        { currency: "GBP", raised: 3_000n },
      ],
      donors: 2,
    });
    // Another organisation naming this campaign sees nothing of it.
    expect(await campaignTotals(other.id, campaign.id)).toEqual({ raised: [], donors: 0 });
  });
});

describe("a donation to a campaign that is not open", () => {
  async function give(slug: string, campaign: string) {
    const response = await POST(
      new Request("http://localhost:3000/api/donations", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://localhost:3000",
          "x-amply-client-address": "203.0.113.77",
          "idempotency-key": randomUUID(),
        },
        body: JSON.stringify({
          organisation: slug,
          campaign,
          amount: 2500,
          currency: "EUR",
          coverFee: false,
          expectedTotal: 2500,
          donor: { email: "ada@example.org" },
        }),
      }),
    );
    return { status: response.status, body: (await response.json()) as { error?: { message: string; fields?: Record<string, string[]> } } };
  }

  it("is refused once the campaign has ended or is archived, and before it starts, with no donation row", async () => {
    const { organisation: charity } = await connectedOrganisation();
    const day = 86_400_000;
    const ended = await db.campaign.create({ data: { organisationId: charity.id, slug: "ended", name: "Ended", endsAt: new Date(Date.now() - day) } });
    await db.campaign.create({ data: { organisationId: charity.id, slug: "archived", name: "Archived", active: false } });
    await db.campaign.create({ data: { organisationId: charity.id, slug: "later", name: "Later", startsAt: new Date(Date.now() + 3 * day) } });
    for (const slug of ["ended", "archived", "later"]) {
      const { status, body } = await give(charity.slug, slug);
      expect(status, `${slug}: ${JSON.stringify(body)}`).toBe(422);
      expect(body.error?.fields?.campaign?.[0], slug).toMatch(slug === "later" ? /has not started yet/ : /has ended/);
    }
    expect(await db.donation.count({ where: { organisationId: charity.id } })).toBe(0);
    // Reopened and running, the same campaign takes gifts.
    await db.campaign.update({ where: { id: ended.id }, data: { endsAt: new Date(Date.now() + day) } });
    expect((await give(charity.slug, "ended")).status).toBe(201);
  });
});
