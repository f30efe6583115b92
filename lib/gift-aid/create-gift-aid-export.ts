// An admin exports a period's Gift Aid claim: the claim is read and recorded, row by row, in one
// transaction holding the organisation's row, so that two exports at once cannot claim a gift twice
// and every file of an export downloads the same each time (docs/gift-aid.md#exports).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { db } from "@/lib/db/client";
import { readGiftAidClaim, type GiftAidPeriod } from "./gift-aid-claim";

export async function createGiftAidExport(organisationId: string, period: GiftAidPeriod, userId: string) {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId} FOR UPDATE`;
    const claim = await readGiftAidClaim(tx, organisationId, period);
    if (claim.donations.length === 0 && claim.adjustments.length === 0) {
      throw new ApiError("conflict", dashboardText("giftAid")("record.nothingNew"));
    }
    const created = await tx.giftAidExport.create({
      data: {
        organisationId,
        periodStart: new Date(`${period.start}T00:00:00Z`),
        periodEnd: new Date(`${period.end}T00:00:00Z`),
        timeZone: period.timeZone,
        createdByUserId: userId,
        donationCount: claim.donations.length,
        donationTotal: claim.donationTotal,
        adjustmentTotal: claim.adjustmentTotal,
      },
    });
    const rows = [
      ...claim.donations.map((row) => ({ ...row, kind: "donation" as const })),
      ...claim.adjustments.map((row) => ({ ...row, kind: "adjustment" as const })),
    ];
    await tx.giftAidExportRow.createMany({
      data: rows.map(({ donationDate, ...row }, index) => ({
        ...row,
        exportId: created.id,
        position: index + 1,
        donationDate: new Date(`${donationDate}T00:00:00Z`),
      })),
    });
    return created;
  });
}
