// The dashboard overview's figures, aggregated in SQL: per currency and never mixed, for a period of
// calendar days in the organisation's zone, with fees from the ledger's balance transactions.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { donationsOverTime } from "@/lib/reports/donations-over-time";
import { overviewFigures } from "@/lib/reports/overview-figures";
import { topFundsAndCampaigns } from "@/lib/reports/top-funds-and-campaigns";
import { organisationWithMembers, unique } from "../support/fixtures";

type Gift = {
  amount: number;
  currency?: string;
  feeCovered?: number;
  at: string;
  status?: "succeeded" | "failed" | "partially_refunded" | "refunded" | "disputed" | "pending";
  donorId?: string;
  fee?: number | null;
  settlementCurrency?: string;
  recurringDonationId?: string;
  fundId?: string;
  campaignId?: string;
};

async function organisation(timeZone = "Europe/Berlin") {
  const org = await organisationWithMembers([]);
  await db.organisation.update({ where: { id: org.id }, data: { timeZone } });
  const donor = (label: string) => db.donor.create({ data: { organisationId: org.id, email: `${unique(label)}@example.org` } });
  const gift = async (input: Gift) => {
    const charged = BigInt(input.amount + (input.feeCovered ?? 0));
    const status = input.status ?? "succeeded";
    const donation = await db.donation.create({
      data: {
        organisationId: org.id,
        donorId: input.donorId ?? null,
        amount: BigInt(input.amount),
        feeCovered: BigInt(input.feeCovered ?? 0),
        chargedAmount: charged,
        currency: input.currency ?? "EUR",
        status,
        paymentStatus: status === "failed" || status === "pending" ? status : "succeeded",
        succeededAt: status === "failed" || status === "pending" ? null : new Date(input.at),
        createdAt: new Date(input.at),
        recurringDonationId: input.recurringDonationId ?? null,
        fundId: input.fundId ?? null,
        campaignId: input.campaignId ?? null,
        stripeChargeId: unique("ch"),
      },
    });
    if (input.fee !== null && status !== "failed" && status !== "pending") {
      const fee = BigInt(input.fee ?? 0);
      await db.ledgerEntry.create({
        data: {
          organisationId: org.id,
          donationId: donation.id,
          type: "donation_received",
          stripeObjectType: "charge",
          stripeObjectId: donation.stripeChargeId ?? unique("ch"),
          stripeBalanceTransactionId: unique("txn"),
          amount: charged,
          currency: donation.currency,
          settlementAmount: charged,
          settlementFee: fee,
          settlementNet: charged - fee,
          settlementCurrency: input.settlementCurrency ?? donation.currency,
          createdAt: new Date(input.at),
        },
      });
    }
    return donation;
  };
  return { org, donor, gift };
}

const year2027 = { from: "2027-01-01", to: "2027-12-31" };

describe("overview figures", () => {
  it("keeps each currency in its own block: gross, fees, net, gifts and distinct donors", async () => {
    const { org, donor, gift } = await organisation();
    const dana = await donor("dana");
    const eli = await donor("eli");
    await gift({ amount: 1000, feeCovered: 40, at: "2027-03-01T10:00:00Z", donorId: dana.id, fee: 40 });
    await gift({ amount: 2500, at: "2027-03-02T10:00:00Z", donorId: dana.id, fee: 63 });
    await gift({ amount: 5000, currency: "GBP", at: "2027-03-03T10:00:00Z", donorId: eli.id, fee: 95 });
    await gift({ amount: 9999, at: "2027-03-04T10:00:00Z", donorId: eli.id, status: "failed" });
    await gift({ amount: 7777, at: "2027-03-04T10:00:00Z", donorId: eli.id, status: "pending" });

    const figures = await overviewFigures(org.id, "Europe/Berlin", year2027);

    expect(figures.map((block) => block.currency)).toEqual(["EUR", "GBP"]);
    const [eur, gbp] = figures;
    expect(eur).toMatchObject({ gross: 3540n, fees: 103n, net: 3437n, gifts: 2, donors: 1, feesPendingGifts: 0 });
    expect(gbp).toMatchObject({ gross: 5000n, fees: 95n, net: 4905n, gifts: 1, donors: 1 });
  });

  it("says how many gifts still wait for their fee, and puts a fee settled in another currency in that currency's block", async () => {
    const { org, gift } = await organisation();
    await gift({ amount: 1000, at: "2027-05-01T10:00:00Z", fee: null });
    await gift({ amount: 2000, at: "2027-05-01T11:00:00Z", fee: null });
    await gift({ amount: 3000, currency: "USD", at: "2027-05-01T12:00:00Z", fee: 120, settlementCurrency: "EUR" });

    const [eur, usd] = await overviewFigures(org.id, "Europe/Berlin", year2027);

    expect(eur).toMatchObject({ currency: "EUR", gross: 3000n, feesPendingGifts: 2, fees: 120n, net: 2880n });
    expect(usd).toMatchObject({ currency: "USD", gross: 3000n, feesPendingGifts: 0, fees: 0n, net: 0n });
  });

  it("counts refunds and disputes in the period: amounts, lost disputes and dispute fees", async () => {
    const { org, gift } = await organisation();
    const refunded = await gift({ amount: 4000, at: "2027-06-01T10:00:00Z", status: "partially_refunded", fee: 100 });
    const disputed = await gift({ amount: 6000, at: "2027-06-02T10:00:00Z", status: "disputed", fee: 150 });
    const lost = await gift({ amount: 3000, at: "2027-06-03T10:00:00Z", status: "disputed", fee: 80 });
    const refund = (amount: number, status: string, at: string) =>
      db.refund.create({
        data: {
          organisationId: org.id,
          donationId: refunded.id,
          stripeRefundId: unique("re"),
          stripeChargeId: "ch",
          amount: BigInt(amount),
          currency: "EUR",
          status,
          createdAt: new Date(at),
        },
      });
    await refund(1000, "succeeded", "2027-06-05T10:00:00Z");
    await refund(500, "pending", "2027-06-06T10:00:00Z");
    await refund(700, "failed", "2027-06-06T10:00:00Z");
    await refund(300, "succeeded", "2028-01-06T10:00:00Z");
    const dispute = (donationId: string, amount: number, status: string) =>
      db.dispute.create({
        data: {
          organisationId: org.id,
          donationId,
          stripeDisputeId: unique("dp"),
          stripeChargeId: "ch",
          amount: BigInt(amount),
          currency: "EUR",
          status,
          createdAt: new Date("2027-06-10T10:00:00Z"),
        },
      });
    await dispute(disputed.id, 6000, "needs_response");
    const lostDispute = await dispute(lost.id, 3000, "lost");
    await db.ledgerEntry.create({
      data: {
        organisationId: org.id,
        donationId: lost.id,
        type: "dispute_funds_withdrawn",
        stripeObjectType: "dispute",
        stripeObjectId: lostDispute.stripeDisputeId,
        amount: -3000n,
        currency: "EUR",
        settlementAmount: -3000n,
        settlementFee: 1500n,
        settlementNet: -4500n,
        settlementCurrency: "EUR",
        createdAt: new Date("2027-06-10T10:00:00Z"),
      },
    });

    const [eur] = await overviewFigures(org.id, "Europe/Berlin", year2027);

    expect(eur).toMatchObject({
      refunds: { count: 2, amount: 1500n },
      disputes: { count: 2, amount: 9000n, lostCount: 1, lostAmount: 3000n, fees: 1500n },
    });
  });

  it("dates gifts by the organisation's calendar: midnight in Berlin, not in UTC", async () => {
    const { org, gift } = await organisation("Europe/Berlin");
    // 23:30 UTC on 31 December is 00:30 on 1 January in Berlin.
    await gift({ amount: 100, at: "2026-12-31T23:30:00Z" });
    // 22:59 UTC on 31 December 2027 is 23:59 in Berlin, still 2027.
    await gift({ amount: 200, at: "2027-12-31T22:59:00Z" });
    // 23:00 UTC on 31 December 2027 is midnight in Berlin: 2028.
    await gift({ amount: 400, at: "2027-12-31T23:00:00Z" });
    // 22:30 UTC on 31 December 2026 is 23:30 in Berlin: 2026.
    await gift({ amount: 800, at: "2026-12-31T22:30:00Z" });

    const [eur] = await overviewFigures(org.id, "Europe/Berlin", year2027);
    expect(eur).toMatchObject({ gross: 300n, gifts: 2 });

    const [utcEur] = await overviewFigures(org.id, "UTC", year2027);
    expect(utcEur).toMatchObject({ gross: 600n, gifts: 2 });
  });

  it("gives nothing for a period without gifts", async () => {
    const { org, gift } = await organisation();
    await gift({ amount: 100, at: "2027-03-01T10:00:00Z" });
    expect(await overviewFigures(org.id, "Europe/Berlin", { from: "2027-04-01", to: "2027-04-30" })).toEqual([]);
    expect(await donationsOverTime(org.id, "Europe/Berlin", { from: "2027-04-01", to: "2027-04-30" })).toEqual([]);
    expect(await topFundsAndCampaigns(org.id, "Europe/Berlin", { from: "2027-04-01", to: "2027-04-30" })).toEqual({ funds: [], campaigns: [] });
  });

  it("adds up installments of recurring gifts in the period as recurring revenue", async () => {
    const { org, donor, gift } = await organisation();
    const dana = await donor("dana");
    const recurring = await db.recurringDonation.create({
      data: {
        organisationId: org.id,
        donorId: dana.id,
        amount: 1000n,
        chargedAmount: 1040n,
        feeCovered: 40n,
        currency: "EUR",
        interval: "month",
        status: "active",
        stripeSubscriptionId: unique("sub"),
        stripeAccountId: "acct_x",
      },
    });
    await gift({ amount: 1000, feeCovered: 40, at: "2027-02-01T10:00:00Z", recurringDonationId: recurring.id, donorId: dana.id });
    await gift({ amount: 1000, feeCovered: 40, at: "2027-03-01T10:00:00Z", recurringDonationId: recurring.id, donorId: dana.id });
    await gift({ amount: 500, at: "2027-03-01T10:00:00Z", donorId: dana.id });

    const [eur] = await overviewFigures(org.id, "Europe/Berlin", year2027);
    expect(eur).toMatchObject({ recurring: { amount: 2000n, gifts: 2 }, gifts: 3, donors: 1 });
  });
});

describe("donations over time", () => {
  it("buckets by day for a month, in the organisation's zone, one series per currency with empty days", async () => {
    const { org, gift } = await organisation("Europe/Berlin");
    await gift({ amount: 100, at: "2027-03-01T23:30:00Z" }); // 2 March in Berlin
    await gift({ amount: 200, at: "2027-03-02T10:00:00Z" });
    await gift({ amount: 300, currency: "GBP", at: "2027-03-31T21:00:00Z" }); // 31 March, 23:00 in Berlin (CEST from 28 March)
    await gift({ amount: 999, currency: "GBP", at: "2027-03-31T22:30:00Z" }); // 1 April in Berlin

    const series = await donationsOverTime(org.id, "Europe/Berlin", { from: "2027-03-01", to: "2027-03-31" });

    expect(series.map((s) => s.currency)).toEqual(["EUR", "GBP"]);
    const [eur, gbp] = series;
    expect(eur?.unit).toBe("day");
    expect(eur?.points).toHaveLength(31);
    expect(eur?.points[0]).toEqual({ start: "2027-03-01", amount: 0n, gifts: 0 });
    expect(eur?.points[1]).toEqual({ start: "2027-03-02", amount: 300n, gifts: 2 });
    expect(gbp?.points[30]).toEqual({ start: "2027-03-31", amount: 300n, gifts: 1 });
    expect(gbp?.points.reduce((sum, p) => sum + p.amount, 0n)).toBe(300n);
  });

  it("buckets by week, starting Monday, for two months; the first week starts before the period", async () => {
    const { org, gift } = await organisation("Europe/Berlin");
    await gift({ amount: 100, at: "2027-03-07T22:00:00Z" }); // Sunday 7 March, 23:00 in Berlin
    await gift({ amount: 200, at: "2027-03-07T23:30:00Z" }); // Monday 8 March, 00:30 in Berlin
    const [eur] = await donationsOverTime(org.id, "Europe/Berlin", { from: "2027-03-03", to: "2027-04-30" });
    expect(eur?.unit).toBe("week");
    expect(eur?.points.slice(0, 2)).toEqual([
      { start: "2027-03-01", amount: 100n, gifts: 1 },
      { start: "2027-03-08", amount: 200n, gifts: 1 },
    ]);
    expect(eur?.points.at(-1)?.start).toBe("2027-04-26");
  });

  it("buckets by month for a year", async () => {
    const { org, gift } = await organisation("Europe/Berlin");
    await gift({ amount: 100, at: "2027-01-31T23:30:00Z" }); // 1 February in Berlin
    const [eur] = await donationsOverTime(org.id, "Europe/Berlin", year2027);
    expect(eur?.unit).toBe("month");
    expect(eur?.points).toHaveLength(12);
    expect(eur?.points[1]).toEqual({ start: "2027-02-01", amount: 100n, gifts: 1 });
  });
});

describe("top funds and campaigns", () => {
  it("ranks by amount within each currency", async () => {
    const { org, gift } = await organisation();
    const fund = (name: string) => db.fund.create({ data: { organisationId: org.id, slug: unique("f"), name } });
    const water = await fund("Water");
    const school = await fund("School");
    const wells = await db.campaign.create({ data: { organisationId: org.id, slug: unique("c"), name: "Wells" } });
    await gift({ amount: 1000, at: "2027-03-01T10:00:00Z", fundId: water.id, campaignId: wells.id });
    await gift({ amount: 3000, at: "2027-03-01T10:00:00Z", fundId: school.id });
    await gift({ amount: 5000, currency: "GBP", at: "2027-03-01T10:00:00Z", fundId: water.id });
    await gift({ amount: 7000, at: "2027-03-01T10:00:00Z", fundId: water.id, status: "failed" });

    const top = await topFundsAndCampaigns(org.id, "Europe/Berlin", year2027);

    expect(top.funds).toEqual([
      { currency: "EUR", id: school.id, name: "School", amount: 3000n, gifts: 1 },
      { currency: "EUR", id: water.id, name: "Water", amount: 1000n, gifts: 1 },
      { currency: "GBP", id: water.id, name: "Water", amount: 5000n, gifts: 1 },
    ]);
    expect(top.campaigns).toEqual([{ currency: "EUR", id: wells.id, name: "Wells", amount: 1000n, gifts: 1 }]);
  });
});
