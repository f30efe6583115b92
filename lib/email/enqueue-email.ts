import "server-only";
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind:
    | "sign_in"
    | "invitation"
    | "receipt"
    | "bank_transfer_instructions"
    | "recurring_payment_failed"
    | "recurring_action_required"
    | "recurring_change"
    | "recurring_manage_link"
    | "refund"
    | "refund_bank_details"
    | "statement";
  /** At most one message per key ever (e.g. `receipt:<donationId>`). */
  dedupeKey?: string;
  /** A receipt's email: the outbox writes subject, text, HTML and PDF from it when it sends. */
  receiptId?: string;
  /** A donor's annual statement: the outbox writes it, with its PDF, from the donor's gifts of that year. */
  statement?: { donorId: string; year: number };
};

/**
 * Put a message in the outbox, in the caller's transaction when there is one, so that the email
 * exists exactly when the change it reports does. The worker sends it.
 */
export async function enqueueEmail(client: Db | Tx, message: EmailMessage): Promise<void> {
  await client.$executeRaw(emailInsert(message));
  notifyOutbox();
}

/** The INSERT itself. */
function emailInsert(message: EmailMessage): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "OutboxEmail" (id, "dedupeKey", kind, "to", subject, text, html, "receiptId", "statementDonorId", "statementYear")
    VALUES (${randomUUID()}, ${message.dedupeKey ?? null}, ${message.kind}, ${message.to}, ${message.subject}, ${message.text}, ${message.html ?? null},
      ${message.receiptId ?? null}, ${message.statement?.donorId ?? null}, ${message.statement?.year ?? null})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}

// On globalThis: Next.js may load this module more than once in one process (route handlers and
// instrumentation are bundled separately), and the worker must hear every copy.
const globalForOutbox = globalThis as unknown as { amplyOutboxListeners?: Set<() => void> };
const listeners = (globalForOutbox.amplyOutboxListeners ??= new Set<() => void>());

/** Lets an in-process worker pick new mail up at once instead of at its next poll. */
export function onOutboxNotify(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notifyOutbox() {
  for (const listener of listeners) listener();
}
