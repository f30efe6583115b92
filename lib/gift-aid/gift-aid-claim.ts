// What a Gift Aid export of a period claims (docs/gift-aid.md#exports), read in one place for the
// page's preview and for the export itself:
// - donations: succeeded gifts in pounds received in the period, covered by a declaration (made with
//   the gift, or an earlier one of the donor's for future gifts), not fully refunded, and never
//   claimed before; each for what the donor paid (covered fee included) less what was refunded;
// - adjustments: gifts claimed by an earlier export and refunded since, for the part no longer
//   claimable, whatever the period (HMRC takes them as one figure on the next claim).
import "server-only";
import type { db } from "@/lib/db/client";
import type { GiftAidDeclaration } from "@/lib/db/generated/client.ts";
import type { ScheduleRow } from "./schedule-csv";
import { dayIn, nextDay, startOfDay } from "@/lib/organisations/time-zone";

type Reader = Pick<typeof db, "donation" | "giftAidExportRow">;

export type GiftAidPeriod = { start: string; end: string; timeZone: string };

export type ClaimRow = ScheduleRow & { donationId: string };

export type GiftAidClaim = { donations: ClaimRow[]; adjustments: ClaimRow[]; donationTotal: bigint; adjustmentTotal: bigint };

/** Gifts whose payment went through and that are still (at least partly) the organisation's. */
const CLAIMABLE_STATUSES = ["succeeded", "partially_refunded"] as const;

export async function readGiftAidClaim(reader: Reader, organisationId: string, period: GiftAidPeriod): Promise<GiftAidClaim> {
  const from = startOfDay(period.start, period.timeZone);
  const until = startOfDay(nextDay(period.end), period.timeZone);
  const candidates = await reader.donation.findMany({
    where: {
      organisationId,
      currency: "GBP",
      status: { in: [...CLAIMABLE_STATUSES] },
      succeededAt: { gte: from, lt: until },
      giftAidExportRows: { none: { kind: "donation" } },
    },
    orderBy: [{ succeededAt: "asc" }, { number: "asc" }],
    select: {
      id: true,
      createdAt: true,
      succeededAt: true,
      chargedAmount: true,
      refundedAmount: true,
      giftAidDeclaration: true,
      donor: { select: { giftAidDeclarations: { where: { scope: "this_and_future" }, orderBy: { declaredAt: "desc" } } } },
    },
  });
  const donations: ClaimRow[] = [];
  for (const donation of candidates) {
    const declaration = coveringDeclaration(donation.giftAidDeclaration, donation.donor?.giftAidDeclarations ?? [], donation.createdAt);
    const amount = donation.chargedAmount - donation.refundedAmount;
    if (!declaration || amount <= 0n) continue;
    donations.push({
      donationId: donation.id,
      ...person(declaration),
      donationDate: dayIn(donation.succeededAt ?? donation.createdAt, period.timeZone),
      amount,
    });
  }

  // What each earlier claim still stands at: claimed, less the adjustments already reported.
  const claimed = await reader.giftAidExportRow.findMany({
    where: { export: { organisationId } },
    orderBy: { position: "asc" },
    include: { donation: { select: { chargedAmount: true, refundedAmount: true } } },
  });
  const standing = new Map<string, { row: (typeof claimed)[number]; net: bigint }>();
  for (const row of claimed) {
    const current = standing.get(row.donationId);
    const change = row.kind === "donation" ? row.amount : -row.amount;
    standing.set(row.donationId, { row: row.kind === "donation" ? row : (current?.row ?? row), net: (current?.net ?? 0n) + change });
  }
  const adjustments: ClaimRow[] = [];
  for (const [donationId, { row, net }] of standing) {
    const stillClaimable = max0(row.donation.chargedAmount - row.donation.refundedAmount);
    if (net > stillClaimable) {
      adjustments.push({
        donationId,
        title: row.title,
        firstName: row.firstName,
        lastName: row.lastName,
        houseNameOrNumber: row.houseNameOrNumber,
        postcode: row.postcode,
        donationDate: row.donationDate.toISOString().slice(0, 10),
        amount: net - stillClaimable,
      });
    }
  }
  return {
    donations,
    adjustments,
    donationTotal: donations.reduce((sum, row) => sum + row.amount, 0n),
    adjustmentTotal: adjustments.reduce((sum, row) => sum + row.amount, 0n),
  };
}

/**
 * The declaration a gift is claimed under: the one made with it, or else the donor's latest
 * declaration for future gifts made before the gift and not cancelled by then.
 */
export function coveringDeclaration(own: GiftAidDeclaration | null, standing: GiftAidDeclaration[], giftAt: Date): GiftAidDeclaration | null {
  if (own && !own.cancelledAt) return own;
  return standing.find((d) => d.scope === "this_and_future" && d.declaredAt <= giftAt && (!d.cancelledAt || d.cancelledAt > giftAt)) ?? null;
}

function person(declaration: GiftAidDeclaration) {
  return {
    title: declaration.title ?? "",
    firstName: declaration.firstName,
    lastName: declaration.lastName,
    houseNameOrNumber: declaration.houseNameOrNumber,
    postcode: declaration.postcode,
  };
}

const max0 = (value: bigint) => (value < 0n ? 0n : value);
