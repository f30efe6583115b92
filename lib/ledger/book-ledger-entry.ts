import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client.ts";
import type { LedgerEntryType } from "@/lib/db/generated/enums.ts";

export type LedgerEntryInput = {
  organisationId: string;
  donationId: string | null;
  type: LedgerEntryType;
  stripeObjectType: string;
  stripeObjectId: string;
  stripeEventId: string;
  /** Signed, in minor units of the presentment currency. */
  amount: bigint;
  currency: string;
  balanceTransaction: Stripe.BalanceTransaction | null;
  description?: string;
};

/**
 * Append one entry, at most once per (type, Stripe object): a second delivery, or a second event
 * about the same object (charge.refunded and refund.created), books nothing more. Returns whether
 * an entry was written. The settlement columns copy Stripe's balance transaction
 * (docs/stripe.md#two-currencies-per-charge).
 */
export async function bookLedgerEntry(tx: Tx, entry: LedgerEntryInput): Promise<boolean> {
  return (await tx.$executeRaw(ledgerEntryInsert(entry))) === 1;
}

/** The INSERT itself, for callers that write several things in one statement. */
export function ledgerEntryInsert(entry: LedgerEntryInput): Prisma.Sql {
  const txn = entry.balanceTransaction;
  // Stripe sends the exchange rate as a JSON number; its decimal text goes to NUMERIC exactly.
  const exchangeRate = txn?.exchange_rate != null ? String(txn.exchange_rate) : null;
  return Prisma.sql`
    INSERT INTO "LedgerEntry" ("organisationId", "donationId", type, "stripeObjectType", "stripeObjectId", "stripeEventId",
      "stripeBalanceTransactionId", amount, currency, "settlementAmount", "settlementFee", "settlementNet", "settlementCurrency",
      "exchangeRate", description)
    SELECT ${entry.organisationId}, ${entry.donationId}, ${entry.type}::"LedgerEntryType", ${entry.stripeObjectType}, ${entry.stripeObjectId},
      ${entry.stripeEventId}, ${txn?.id ?? null}, ${entry.amount}::bigint, ${entry.currency.toUpperCase()},
      ${txn ? BigInt(txn.amount) : null}::bigint, ${txn ? BigInt(txn.fee) : null}::bigint, ${txn ? BigInt(txn.net) : null}::bigint,
      ${txn ? txn.currency.toUpperCase() : null}, ${exchangeRate}::numeric, ${entry.description ?? null}
    ON CONFLICT (type, "stripeObjectId") DO NOTHING`;
}

export async function hasLedgerEntry(tx: Tx, type: LedgerEntryType, stripeObjectId: string): Promise<boolean> {
  return (await tx.ledgerEntry.count({ where: { type, stripeObjectId } })) > 0;
}
