// The overview's figures for a period, one block per currency, never converted
// (docs/reports.md#overview-figures).
import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { PAID_STATUSES, type ReportPeriod, withinPeriod } from "@/lib/reports/report-period";

export type OverviewFigures = {
  currency: string;
  /** What donors were charged for gifts paid in the period (covered fees included). */
  gross: bigint;
  /** Stripe's fees and what remains, from the balance transactions settled in this currency. */
  fees: bigint;
  net: bigint;
  /** Gifts in this currency whose balance transaction Stripe has not reported yet. */
  feesPendingGifts: number;
  gifts: number;
  donors: number;
  recurring: { amount: bigint; gifts: number };
  refunds: { count: number; amount: bigint };
  disputes: { count: number; amount: bigint; lostCount: number; lostAmount: bigint; fees: bigint };
};

type Row = { currency: string } & Record<string, bigint | null>;

export async function overviewFigures(organisationId: string, timeZone: string, period: ReportPeriod): Promise<OverviewFigures[]> {
  const paid = Prisma.sql`d."organisationId" = ${organisationId} AND d.status IN ${PAID_STATUSES}
    AND ${withinPeriod(Prisma.sql`d."succeededAt"`, timeZone, period)}`;
  const [gifts, settled, refunds, disputes, disputeFees] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT d.currency,
        SUM(d."chargedAmount")::bigint AS gross,
        COUNT(*)::bigint AS gifts,
        COUNT(DISTINCT COALESCE(d."donorId", d.id))::bigint AS donors,
        COALESCE(SUM(d.amount) FILTER (WHERE d."recurringDonationId" IS NOT NULL), 0)::bigint AS "recurringAmount",
        COUNT(*) FILTER (WHERE d."recurringDonationId" IS NOT NULL)::bigint AS "recurringGifts"
      FROM "Donation" d WHERE ${paid}
      GROUP BY d.currency`,
    // Fees are in the currency the charge settled in, which may differ from the gift's; the gifts
    // with a balance transaction are counted in the gift's (one hash join, not a lookup per gift).
    db.$queryRaw<Array<Row & { settlementCurrency: string }>>`
      SELECT d.currency, l."settlementCurrency", SUM(l."settlementFee")::bigint AS fees, SUM(l."settlementNet")::bigint AS net,
        COUNT(DISTINCT d.id)::bigint AS "settledGifts"
      FROM "Donation" d JOIN "LedgerEntry" l ON l."donationId" = d.id AND l.type = 'donation_received' AND l."settlementFee" IS NOT NULL
      WHERE ${paid}
      GROUP BY d.currency, l."settlementCurrency"`,
    // Refunds that count (docs/stripe.md#refunds): made in the period, succeeded or on their way.
    db.$queryRaw<Row[]>`
      SELECT r.currency, COUNT(*)::bigint AS count, SUM(r.amount)::bigint AS amount
      FROM "Refund" r
      WHERE r."organisationId" = ${organisationId} AND r.status IN ('succeeded', 'pending', 'requires_action')
        AND ${withinPeriod(Prisma.sql`r."createdAt"`, timeZone, period)}
      GROUP BY r.currency`,
    db.$queryRaw<Row[]>`
      SELECT p.currency, COUNT(*)::bigint AS count, SUM(p.amount)::bigint AS amount,
        COUNT(*) FILTER (WHERE p.status = 'lost')::bigint AS "lostCount",
        COALESCE(SUM(p.amount) FILTER (WHERE p.status = 'lost'), 0)::bigint AS "lostAmount"
      FROM "Dispute" p
      WHERE p."organisationId" = ${organisationId} AND ${withinPeriod(Prisma.sql`p."createdAt"`, timeZone, period)}
      GROUP BY p.currency`,
    db.$queryRaw<Row[]>`
      SELECT l."settlementCurrency" AS currency, SUM(l."settlementFee")::bigint AS fees
      FROM "LedgerEntry" l
      WHERE l."organisationId" = ${organisationId} AND l.type = 'dispute_funds_withdrawn' AND l."settlementFee" IS NOT NULL
        AND ${withinPeriod(Prisma.sql`l."createdAt"`, timeZone, period)}
      GROUP BY l."settlementCurrency"`,
  ]);

  const n = (value: bigint | null | undefined) => value ?? 0n;
  const settledIn = (currency: string) => settled.filter((row) => row.settlementCurrency === currency);
  const settledGifts = (currency: string) => settled.filter((row) => row.currency === currency).reduce((sum, row) => sum + n(row.settledGifts), 0n);
  const currencies = [
    ...new Set([...[gifts, refunds, disputes, disputeFees].flat().map((row) => row.currency), ...settled.map((row) => row.settlementCurrency)]),
  ].sort();
  const find = (rows: Row[], currency: string) => rows.find((row) => row.currency === currency);
  return currencies.map((currency) => {
    const g = find(gifts, currency);
    const r = find(refunds, currency);
    const p = find(disputes, currency);
    return {
      currency,
      gross: n(g?.gross),
      fees: settledIn(currency).reduce((sum, row) => sum + n(row.fees), 0n),
      net: settledIn(currency).reduce((sum, row) => sum + n(row.net), 0n),
      feesPendingGifts: Number(n(g?.gifts) - settledGifts(currency)),
      gifts: Number(n(g?.gifts)),
      donors: Number(n(g?.donors)),
      recurring: { amount: n(g?.recurringAmount), gifts: Number(n(g?.recurringGifts)) },
      refunds: { count: Number(n(r?.count)), amount: n(r?.amount) },
      disputes: {
        count: Number(n(p?.count)),
        amount: n(p?.amount),
        lostCount: Number(n(p?.lostCount)),
        lostAmount: n(p?.lostAmount),
        fees: n(find(disputeFees, currency)?.fees),
      },
    };
  });
}
