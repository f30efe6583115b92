// Monthly recurring revenue per currency (docs/recurring.md#dashboard): the running gifts (active or
// switching interval, or past due while Stripe retries; not paused, not ended), each gift's own
// amount without a covered fee, a yearly gift as a twelfth of it rounded half up, once per gift.
import "server-only";
import { db } from "@/lib/db/client";

export async function monthlyRecurringRevenue(organisationId: string): Promise<Array<{ currency: string; amount: bigint; gifts: number }>> {
  const gifts = await db.recurringDonation.findMany({
    where: { organisationId, status: { in: ["active", "trialing", "past_due"] }, pausedUntil: null },
    select: { amount: true, currency: true, interval: true },
  });
  const totals = new Map<string, { amount: bigint; gifts: number }>();
  for (const gift of gifts) {
    const monthly = gift.interval === "year" ? (gift.amount + 6n) / 12n : gift.amount;
    const total = totals.get(gift.currency) ?? { amount: 0n, gifts: 0 };
    totals.set(gift.currency, { amount: total.amount + monthly, gifts: total.gifts + 1 });
  }
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, total]) => ({ currency, ...total }));
}
