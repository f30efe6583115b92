// The donations view's query against real PostgreSQL: search by name, email and receipt number, every
// filter, and cursor pages that neither skip nor repeat a donation; bad values are named, not fatal.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { parseDonationFilters } from "@/lib/donations/donation-filters";
import { listDonations } from "@/lib/donations/list-donations";
import { organisationWithMembers, person, unique } from "../support/fixtures";

let orgId: string;
let otherOrgId: string;
let fundId: string;
let campaignId: string;
let recurringId: string;

beforeAll(async () => {
  const owner = await person("owner");
  const org = await organisationWithMembers([[owner, "owner"]]);
  const other = await organisationWithMembers([[owner, "owner"]]);
  orgId = org.id;
  otherOrgId = other.id;
  fundId = (await db.fund.create({ data: { organisationId: orgId, slug: "wells", name: "Wells" } })).id;
  campaignId = (await db.campaign.create({ data: { organisationId: orgId, slug: "winter", name: "Winter" } })).id;
  const grace = await db.donor.create({ data: { organisationId: orgId, email: `grace-${unique("d")}@example.org`, name: "Grace Hopper" } });
  const alan = await db.donor.create({ data: { organisationId: orgId, email: `alan-${unique("d")}@example.org`, name: "Alan Turing" } });
  recurringId = (
    await db.recurringDonation.create({
      data: { organisationId: orgId, donorId: grace.id, amount: 500n, chargedAmount: 500n, currency: "EUR", interval: "month" },
    })
  ).id;
  const base = { organisationId: orgId, amount: 1000n, chargedAmount: 1000n, currency: "EUR" };
  // 130 donations: every 10th paid by Grace with a receipt, every 3rd in GBP, a few in a fund, a campaign, by transfer, recurring.
  for (let i = 0; i < 130; i++) {
    const grace_ = i % 10 === 0;
    await db.donation.create({
      data: {
        ...base,
        donorId: grace_ ? grace.id : alan.id,
        donorName: grace_ ? "Grace Hopper" : "Alan Turing",
        currency: i % 3 === 0 ? "GBP" : "EUR",
        status: grace_ ? "succeeded" : "pending",
        receiptNumber: grace_ ? 1000 + i : null,
        fundId: i % 7 === 0 ? fundId : null,
        campaignId: i % 11 === 0 ? campaignId : null,
        method: i % 13 === 0 ? "bank_transfer" : "payment_element",
        paymentMethodType: i % 13 === 0 ? "customer_balance" : "card",
        recurringDonationId: i % 17 === 0 ? recurringId : null,
        createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 28))),
      },
    });
  }
  await db.donation.create({ data: { ...base, organisationId: otherOrgId, donorName: "Grace Hopper" } });
});

async function all(query: Record<string, string>) {
  const { filters, errors } = parseDonationFilters(query);
  expect(errors).toEqual({});
  const seen: Array<Awaited<ReturnType<typeof listDonations>>["rows"][number]> = [];
  let after: number | undefined;
  for (;;) {
    const page = await listDonations(orgId, { ...filters, after }, "UTC");
    seen.push(...page.rows);
    if (page.next === undefined) return seen;
    after = page.next;
  }
}

describe("the donations view", () => {
  it("pages by cursor, newest first, with no donation skipped or repeated, and only this organisation's", async () => {
    const rows = await all({});
    expect(rows).toHaveLength(130);
    expect(new Set(rows.map((row) => row.id)).size).toBe(130);
    const numbers = rows.map((row) => row.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const first = await listDonations(orgId, {}, "UTC");
    expect(first.rows).toHaveLength(50);
    expect(first.next).toBe(first.rows.at(-1)?.number);
  });

  it("searches by name, email prefix and receipt number", async () => {
    expect(await all({ q: "grace" })).toHaveLength(13);
    expect(await all({ q: "HOPPER" })).toHaveLength(13);
    expect(await all({ q: "alan-" })).toHaveLength(117);
    const byReceipt = await all({ q: "R-001020" });
    expect(byReceipt.map((row) => row.receiptNumber)).toEqual([1020]);
    expect((await all({ q: "1020" })).map((row) => row.receiptNumber)).toEqual([1020]);
    expect(await all({ q: "nobody" })).toHaveLength(0);
    // Typed wildcards are text, not patterns.
    expect(await all({ q: "%" })).toHaveLength(0);
    expect(await all({ q: "_@" })).toHaveLength(0);
  });

  it("filters by status, currency, fund, campaign, method, one-off or recurring, and dates", async () => {
    expect(await all({ status: "succeeded" })).toHaveLength(13);
    expect(await all({ currency: "gbp" })).toHaveLength(44);
    expect(await all({ fund: fundId })).toHaveLength(19);
    expect(await all({ campaign: campaignId })).toHaveLength(12);
    expect(await all({ method: "bank_transfer" })).toHaveLength(10);
    expect(await all({ method: "card" })).toHaveLength(120);
    expect(await all({ kind: "recurring" })).toHaveLength(8);
    expect(await all({ kind: "one_off" })).toHaveLength(122);
    expect(await all({ from: "2026-01-01", to: "2026-01-01" })).toHaveLength(5);
    expect(await all({ from: "2026-01-27" })).toHaveLength(8);
    expect(await all({ status: "succeeded", currency: "GBP", q: "grace" })).toHaveLength(5);
  });

  it("names every bad value and keeps the good ones, never throwing", () => {
    const { filters, errors } = parseDonationFilters({
      status: "paid; drop table",
      currency: "XXX",
      from: "2026-02-30",
      to: "2026-01-05",
      kind: "sometimes",
      after: "99999999999999999999",
      fund: "../etc",
      q: "x".repeat(201),
      method: "card",
    });
    expect(Object.keys(errors).sort()).toEqual(["after", "currency", "from", "fund", "kind", "q", "status"]);
    expect(filters).toEqual({ to: "2026-01-05", method: "card" });
    expect(parseDonationFilters({ from: "2026-02-01", to: "2026-01-01" }).errors).toEqual({ to: "The last date must not be before the first." });
  });
});
