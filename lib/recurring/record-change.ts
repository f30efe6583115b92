// A change to a recurring gift is recorded before Stripe is called: its id roots the idempotency key,
// and the form's request id makes a double submit the same change, with the same parameters (a
// pause's end is computed once), so Stripe replays its first answer instead of changing twice.
// It is marked applied, and the donor's confirmation queued, once Stripe has accepted it.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import { enqueueEmail, type EmailMessage } from "@/lib/email/enqueue-email";

export type ChangeKind = "amount" | "pause" | "resume" | "payment_method" | "cancel";

export type Change<D> = { id: string; detail: D; appliedAt: Date | null };

export async function beginChange<D extends Prisma.InputJsonObject>(
  gift: { id: string },
  input: { requestId: string; kind: ChangeKind; detail: D; userId?: string | null },
): Promise<Change<D>> {
  await db.recurringChange.createMany({
    data: [{ requestId: input.requestId, recurringDonationId: gift.id, kind: input.kind, detail: input.detail, userId: input.userId ?? null }],
    skipDuplicates: true,
  });
  const row = await db.recurringChange.findUniqueOrThrow({ where: { requestId: input.requestId } });
  if (row.recurringDonationId !== gift.id || row.kind !== input.kind) {
    throw new ApiError("conflict", "This form was already used for another change. Reload the page and try again.");
  }
  return { id: row.id, detail: row.detail as D, appliedAt: row.appliedAt };
}

/** The Stripe idempotency key of one step of a change. */
export function changeKey(change: { id: string }, step: string): string {
  return `recurring-change:${change.id}:${step}`;
}

/** Stripe accepted the change: mark it, and queue the donor's confirmation (once per change). */
export async function applyChange(change: { id: string }, email: EmailMessage | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.recurringChange.updateMany({ where: { id: change.id, appliedAt: null }, data: { appliedAt: new Date() } });
    if (email) await enqueueEmail(tx, { ...email, dedupeKey: `recurring-change:${change.id}` });
  });
}
