import "server-only";
import type { Db, Tx } from "@/lib/db/client";

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: "sign_in" | "invitation" | "receipt" | "bank_transfer_instructions" | "recurring_payment_failed";
  /** At most one message per key ever (e.g. `receipt:<donationId>`). */
  dedupeKey?: string;
};

/**
 * Put a message in the outbox, in the caller's transaction when there is one, so that the email
 * exists exactly when the change it reports does. The worker sends it.
 */
export async function enqueueEmail(client: Db | Tx, message: EmailMessage): Promise<void> {
  const data = { to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, kind: message.kind, dedupeKey: message.dedupeKey ?? null };
  if (message.dedupeKey) {
    await client.outboxEmail.upsert({ where: { dedupeKey: message.dedupeKey }, create: data, update: {} });
  } else {
    await client.outboxEmail.create({ data });
  }
  notifyOutbox();
}

const listeners = new Set<() => void>();

/** Lets an in-process worker pick new mail up at once instead of at its next poll. */
export function onOutboxNotify(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notifyOutbox() {
  for (const listener of listeners) listener();
}
