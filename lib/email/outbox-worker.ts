import "server-only";
import { db } from "@/lib/db/client";
import type { OutboxEmail } from "@/lib/db/generated/client.ts";
import { log } from "@/lib/logger";
import { composeReceiptEmail } from "@/lib/receipts/receipt-email";
import { composeStatementEmail } from "@/lib/statements/statement-email";
import { purgeRateLimits } from "@/lib/rate-limit/rate-limit";
import { processStatementRuns } from "@/lib/statements/process-statement-runs";
import { processReconciliationRuns } from "@/lib/reconciliation/process-reconciliation-runs";
import { purgeStripeEvents } from "@/lib/webhooks/inbox";
import { onOutboxNotify } from "./enqueue-email";
import { sendEmail } from "./transport";

/** A claimed message is hidden from other workers this long; if its worker dies, it comes back. */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 12;

/** Mail whose body is a credential: once sent, the outbox keeps no usable copy of the link. */
const SECRET_KINDS = new Set(["sign_in", "invitation"]);
const REMOVED = "(This message held a one-time link. Amply removed it from its records once the email was sent.)";

/** 30 s, 1 min, 2 min ... capped at 1 h between attempts. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

/**
 * Claim due messages (FOR UPDATE SKIP LOCKED, so several workers never take the same one), send
 * each, and record the outcome. A failure schedules a retry; after MAX_ATTEMPTS the message is
 * parked as `dead`, still in the table for an operator: nothing is ever lost.
 */
export async function drainOutbox(batchSize = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await db.$queryRaw<OutboxEmail[]>`
    UPDATE "OutboxEmail" SET "nextAttemptAt" = NOW() + ${`${LEASE_MS} milliseconds`}::interval
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'pending' AND "nextAttemptAt" <= NOW()
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    try {
      // A receipt is written now, from its Receipt row: the transaction that issued it stays short
      // (docs/receipts.md#sent-by-the-outbox). What was sent is kept on the row, for the record.
      const composed = message.receiptId
        ? await composeReceiptEmail(message.receiptId)
        : message.statementDonorId && message.statementYear
          ? await composeStatementEmail(message.statementDonorId, message.statementYear)
          : null;
      const result = await sendEmail(composed ? { ...message, ...composed } : message);
      await db.outboxEmail.update({
        where: { id: message.id },
        data: {
          status: "sent",
          sentAt: new Date(),
          transport: result.transport,
          attempts: { increment: 1 },
          lastError: null,
          ...(composed ? { subject: composed.subject, text: composed.text, html: composed.html } : {}),
          ...(SECRET_KINDS.has(message.kind) ? { text: REMOVED, html: null } : {}),
        },
      });
      sent++;
    } catch (error) {
      failed++;
      const attempts = message.attempts + 1;
      const reason = error instanceof Error ? error.message : String(error);
      await db.outboxEmail.update({
        where: { id: message.id },
        data: {
          attempts,
          lastError: reason.slice(0, 500),
          status: attempts >= MAX_ATTEMPTS ? "dead" : "pending",
          // Given up on: a one-time link is not kept either.
          ...(attempts >= MAX_ATTEMPTS && SECRET_KINDS.has(message.kind) ? { text: REMOVED, html: null } : {}),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
        },
      });
      log.warn("email send failed", { emailId: message.id, kind: message.kind, attempts, error: reason });
    }
  }
  return { sent, failed };
}

export type Worker = { stop: () => Promise<void> };

/** Poll the outbox (and run the hourly housekeeping) until stopped. */
export function startWorker(options: { pollMs?: number; purgeEveryMs?: number } = {}): Worker {
  const pollMs = options.pollMs ?? 1_000;
  const purgeEveryMs = options.purgeEveryMs ?? 60 * 60_000;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let lastPurge = 0;

  const tick = () => {
    timer = undefined;
    running = (async () => {
      try {
        await drainOutbox();
        // A few batches of a bulk statement run per turn, so that other mail is never held up long.
        await processStatementRuns({ maxBatches: 4 });
        // Likewise a few pages of a reconciliation (each a request to Stripe and a few statements).
        await processReconciliationRuns({ maxPages: 10 });
        if (Date.now() - lastPurge >= purgeEveryMs) {
          lastPurge = Date.now();
          const purged = await purgeStripeEvents();
          const windows = await purgeRateLimits();
          if (purged || windows) log.info("housekeeping", { processedEventsPurged: purged, rateLimitWindowsPurged: windows });
        }
      } catch (error) {
        log.error("worker tick failed", { error });
      }
    })().finally(() => {
      if (!stopped) timer = setTimeout(tick, pollMs);
    });
  };
  const unsubscribe = onOutboxNotify(() => {
    if (timer && !stopped) {
      clearTimeout(timer);
      timer = setTimeout(tick, 50);
    }
  });
  tick();
  return {
    stop: async () => {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
