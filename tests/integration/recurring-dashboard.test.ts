// The dashboard's view of recurring gifts: the list with its status filter and pages, each gift's
// paid installments, and monthly recurring revenue per currency.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listRecurringGifts } from "@/lib/recurring/list-recurring-gifts";
import { monthlyRecurringRevenue } from "@/lib/recurring/monthly-recurring-revenue";
import { organisationWithMembers, unique } from "../support/fixtures";

async function organisationWithGifts() {
  const organisation = await organisationWithMembers([]);
  const donor = await db.donor.create({ data: { organisationId: organisation.id, email: `${unique("d")}@example.org`, name: "Dana" } });
  let n = 0;
  const gift = async (input: {
    amount: number;
    currency?: string;
    interval?: "month" | "year";
    status?: string;
    pausedUntil?: Date | null;
    feeCovered?: number;
  }) =>
    db.recurringDonation.create({
      data: {
        organisationId: organisation.id,
        donorId: donor.id,
        amount: BigInt(input.amount),
        feeCovered: BigInt(input.feeCovered ?? 0),
        chargedAmount: BigInt(input.amount + (input.feeCovered ?? 0)),
        currency: input.currency ?? "EUR",
        interval: input.interval ?? "month",
        status: input.status ?? "active",
        pausedUntil: input.pausedUntil ?? null,
        stripeSubscriptionId: unique("sub"),
        stripeAccountId: "acct_x",
        createdAt: new Date(Date.UTC(2026, 0, 1) + n++ * 60_000),
      },
    });
  const installment = (giftId: string, chargedAmount: number, paymentStatus: "succeeded" | "failed" = "succeeded") =>
    db.donation.create({
      data: {
        organisationId: organisation.id,
        donorId: donor.id,
        recurringDonationId: giftId,
        amount: BigInt(chargedAmount),
        chargedAmount: BigInt(chargedAmount),
        currency: "EUR",
        status: paymentStatus,
        paymentStatus,
      },
    });
  return { organisation, gift, installment };
}

describe("the recurring list", () => {
  it("shows each gift's status, paid installments and their total, filters by status, and pages", async () => {
    const { organisation, gift, installment } = await organisationWithGifts();
    const monthly = await gift({ amount: 1000, feeCovered: 40 });
    const paused = await gift({ amount: 500, pausedUntil: new Date(Date.UTC(2027, 1, 1)) });
    const pastDue = await gift({ amount: 700, status: "past_due" });
    const switching = await gift({ amount: 12000, interval: "year", status: "trialing" });
    const cancelled = await gift({ amount: 300, status: "canceled" });
    await installment(monthly.id, 1040);
    await installment(monthly.id, 1040);
    await installment(monthly.id, 1040, "failed");

    const all = await listRecurringGifts(organisation.id, {});
    expect(all.rows.map((row) => [row.id, row.status])).toEqual([
      [cancelled.id, "canceled"],
      [switching.id, "active"],
      [pastDue.id, "past_due"],
      [paused.id, "paused"],
      [monthly.id, "active"],
    ]);
    expect(all.rows.at(-1)).toMatchObject({ installments: 2, installmentsTotal: 2080n });
    expect((await listRecurringGifts(organisation.id, { status: "active" })).rows.map((row) => row.id)).toEqual([switching.id, monthly.id]);
    expect((await listRecurringGifts(organisation.id, { status: "paused" })).rows.map((row) => row.id)).toEqual([paused.id]);
    expect((await listRecurringGifts(organisation.id, { status: "canceled" })).rows.map((row) => row.id)).toEqual([cancelled.id]);

    const first = await listRecurringGifts(organisation.id, { pageSize: 2 });
    expect(first.rows.map((row) => row.id)).toEqual([cancelled.id, switching.id]);
    const second = await listRecurringGifts(organisation.id, { pageSize: 2, after: first.next ?? undefined });
    expect(second.rows.map((row) => row.id)).toEqual([pastDue.id, paused.id]);
    const third = await listRecurringGifts(organisation.id, { pageSize: 2, after: second.next ?? undefined });
    expect(third).toMatchObject({ rows: [{ id: monthly.id }], next: null });
  });

  it("never shows another organisation's gifts, even given one as the cursor", async () => {
    const mine = await organisationWithGifts();
    const theirs = await organisationWithGifts();
    const foreign = await theirs.gift({ amount: 100 });
    await mine.gift({ amount: 200 });
    expect((await listRecurringGifts(mine.organisation.id, {})).rows.every((row) => row.id !== foreign.id)).toBe(true);
    expect((await listRecurringGifts(mine.organisation.id, { after: foreign.id })).rows).toEqual([]);
  });
});

describe("monthly recurring revenue", () => {
  it("sums running gifts per currency, a yearly gift as a twelfth rounded half up, without covered fees, paused and ended gifts", async () => {
    const { organisation, gift } = await organisationWithGifts();
    await gift({ amount: 1000, feeCovered: 40 });
    await gift({ amount: 10050, interval: "year" }); // 837.5 -> 838
    await gift({ amount: 700, status: "past_due" });
    await gift({ amount: 500, pausedUntil: new Date(Date.UTC(2027, 1, 1)) });
    await gift({ amount: 300, status: "canceled" });
    await gift({ amount: 400, status: "incomplete" });
    await gift({ amount: 250, currency: "GBP" });
    await gift({ amount: 12000, currency: "JPY", interval: "year", status: "trialing" });
    expect(await monthlyRecurringRevenue(organisation.id)).toEqual([
      { currency: "EUR", amount: 1000n + 838n + 700n, gifts: 3 },
      { currency: "GBP", amount: 250n, gifts: 1 },
      { currency: "JPY", amount: 1000n, gifts: 1 },
    ]);
  });
});
