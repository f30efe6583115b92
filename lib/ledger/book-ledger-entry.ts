import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db/client";
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
 * an entry was written. The settlement columns copy Stripe's balance transaction (ERRATA 18b).
 */
export async function bookLedgerEntry(tx: Tx, entry: LedgerEntryInput): Promise<boolean> {
  const txn = entry.balanceTransaction;
  const { count } = await tx.ledgerEntry.createMany({
    data: [
      {
        organisationId: entry.organisationId,
        donationId: entry.donationId,
        type: entry.type,
        stripeObjectType: entry.stripeObjectType,
        stripeObjectId: entry.stripeObjectId,
        stripeEventId: entry.stripeEventId,
        stripeBalanceTransactionId: txn?.id ?? null,
        amount: entry.amount,
        currency: entry.currency.toUpperCase(),
        settlementAmount: txn ? BigInt(txn.amount) : null,
        settlementFee: txn ? BigInt(txn.fee) : null,
        settlementNet: txn ? BigInt(txn.net) : null,
        settlementCurrency: txn ? txn.currency.toUpperCase() : null,
        // Stripe sends the rate as a JSON number; keep its decimal text exactly.
        exchangeRate: txn?.exchange_rate != null ? String(txn.exchange_rate) : null,
        description: entry.description ?? null,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}

export async function hasLedgerEntry(tx: Tx, type: LedgerEntryType, stripeObjectId: string): Promise<boolean> {
  return (await tx.ledgerEntry.count({ where: { type, stripeObjectId } })) > 0;
}
