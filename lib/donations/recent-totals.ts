import "server-only";
import { db } from "@/lib/db/client";

/** Donations received in the last `days`, per currency, net of refunds (what donors gave, not fees). */
export async function recentTotals(organisationId: string, days = 30) {
  const since = new Date(Date.now() - days * 86_400_000);
  const groups = await db.donation.groupBy({
    by: ["currency"],
    where: { organisationId, succeededAt: { gte: since }, status: { in: ["succeeded", "partially_refunded", "refunded", "disputed"] } },
    _sum: { chargedAmount: true, refundedAmount: true },
    _count: { _all: true },
    orderBy: { currency: "asc" },
  });
  return groups.map((group) => ({
    currency: group.currency,
    count: group._count._all,
    net: (group._sum.chargedAmount ?? 0n) - (group._sum.refundedAmount ?? 0n),
  }));
}
