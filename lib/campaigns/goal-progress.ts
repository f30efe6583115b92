// A campaign's progress toward its goals: one per currency, never converted between currencies
// (docs/architecture.md#funds-and-campaigns).

/** What a gift still counts for: the amount the donor chose, less what was refunded, never below zero. */
export function netOfRefunds(gift: { amount: bigint; refundedAmount: bigint }): bigint {
  const net = gift.amount - gift.refundedAmount;
  return net > 0n ? net : 0n;
}

export type GoalBar = { currency: string; goal: bigint; raised: bigint; percent: number };

/** One bar per currency that has a goal, with what was raised in that currency only. */
export function goalProgress(
  goals: ReadonlyArray<{ currency: string; goalAmount: bigint | null }>,
  raised: ReadonlyArray<{ currency: string; raised: bigint }>,
): GoalBar[] {
  return goals.flatMap(({ currency, goalAmount }) => {
    if (!goalAmount || goalAmount <= 0n) return [];
    const sum = raised.find((total) => total.currency === currency)?.raised ?? 0n;
    return [{ currency, goal: goalAmount, raised: sum, percent: Number((sum * 100n) / goalAmount) }];
  });
}
