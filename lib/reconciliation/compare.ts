// What reconciliation compares, as plain functions of one Stripe object and what Amply has for it
// (docs/reports.md#reconciliation). No database and no Stripe here: the worker reads a page of each,
// and these say which differences there are and how to explain them to a person.
import type Stripe from "stripe";
import type { LedgerEntryType, ReconciliationDifferenceKind } from "@/lib/db/generated/enums.ts";
import { toDecimalString } from "@/lib/money/amount";
import { idOf } from "@/lib/stripe/ids";

/**
 * How long a paid charge may go without the balance transaction that carries its fee before that
 * is a difference. Stripe books it when the capture completes, usually within seconds; a day covers
 * slow captures and a Stripe incident without crying wolf, and is short enough that a fee that never
 * came is seen in the next day's reconciliation.
 */
export const FEE_GRACE_MS = 24 * 60 * 60_000;

export type Difference = {
  kind: ReconciliationDifferenceKind;
  dedupeKey: string;
  stripeObjectId: string | null;
  stripeAccountId: string | null;
  donationId: string | null;
  ledgerEntryId: bigint | null;
  amply: string;
  stripe: string;
  explanation: string;
};

/** An amount as people read it in a table: "25.63 EUR" (the currency's exponent, never /100). */
export function money(amount: bigint | number, currency: string): string {
  const code = currency.toUpperCase();
  try {
    return `${toDecimalString(amount, code)} ${code}`;
  } catch {
    return `${String(amount)} (minor units) ${code}`;
  }
}

/** Amply's donation behind a charge, as the worker reads it. */
export type DonationSide = {
  id: string;
  stripeChargeId: string | null;
  stripePaymentIntentId: string | null;
  status: string;
  paymentStatus: string;
  chargedAmount: bigint;
  refundedAmount: bigint;
  currency: string;
  disputes: number;
};

type ChargeOutcome = { differences: Difference[]; feePending: boolean };

/**
 * A charge against its donation: missing, amount, currency, status (paid, failed, refunded,
 * disputed), and whether its fee is still pending within the grace window.
 */
export function compareCharge(account: string, charge: Stripe.Charge, donation: DonationSide | undefined, now: number): ChargeOutcome {
  const differences: Difference[] = [];
  const base = { stripeObjectId: charge.id, stripeAccountId: account, donationId: donation?.id ?? null, ledgerEntryId: null };
  const paid = charge.status === "succeeded";
  const stripeAmount = money(charge.amount, charge.currency);
  const feeKnown = Boolean(charge.balance_transaction);
  const feePending = paid && !feeKnown && now - charge.created * 1000 < FEE_GRACE_MS;
  if (paid && !feeKnown && !feePending) {
    differences.push({
      ...base,
      kind: "fee_mismatch",
      dedupeKey: `fee_not_reported:${charge.id}`,
      amply: "No fee booked",
      stripe: `Paid ${stripeAmount}, no fee reported`,
      explanation:
        "Stripe has not reported this charge's fee (its balance transaction) a day after the payment. Look the payment up in Stripe's Dashboard; Amply books the fee when Stripe reports it.",
    });
  }
  if (!donation) {
    if (paid) {
      differences.push({
        ...base,
        kind: "missing_in_amply",
        dedupeKey: `missing_in_amply:${charge.id}:donation_received`,
        amply: "No donation",
        stripe: `Paid charge of ${stripeAmount}`,
        explanation:
          "Stripe has a paid charge that Amply has no donation for: a payment taken outside Amply on this account, or one whose webhook never reached Amply (re-sync from Stripe in Settings > Payments).",
      });
    }
    return { differences, feePending };
  }
  // A payment may have several charges (a decline, then a card that worked): a failed earlier
  // attempt is not the charge Amply recorded, and is not a difference.
  const isRecorded = donation.stripeChargeId === null || donation.stripeChargeId === charge.id;
  if (!isRecorded && !paid) return { differences, feePending: false };

  if (charge.currency.toUpperCase() !== donation.currency.toUpperCase()) {
    differences.push({
      ...base,
      kind: "currency_mismatch",
      dedupeKey: `currency:${charge.id}`,
      amply: money(donation.chargedAmount, donation.currency),
      stripe: stripeAmount,
      explanation: "The donation and Stripe's charge are in different currencies. Check the donation's page against the payment in Stripe's Dashboard.",
    });
  } else if (BigInt(charge.amount) !== donation.chargedAmount) {
    differences.push({
      ...base,
      kind: "amount_mismatch",
      dedupeKey: `amount:${charge.id}`,
      amply: `Charged ${money(donation.chargedAmount, donation.currency)}`,
      stripe: `Charged ${stripeAmount}`,
      explanation: "Amply recorded a different amount for this donation than Stripe charged. Stripe's figure is what the donor paid.",
    });
  }

  const amplyPaid = donation.paymentStatus === "succeeded";
  if (paid && !isRecorded) {
    differences.push({
      ...base,
      kind: "status_mismatch",
      dedupeKey: `status:${charge.id}:other_charge`,
      amply: `Paid by another charge (${donation.stripeChargeId})`,
      stripe: `Paid charge of ${stripeAmount}`,
      explanation: "Stripe has two paid charges for this donation's payment, and Amply knows one. Check whether the donor paid twice, and refund one if so.",
    });
  } else if (paid && !amplyPaid) {
    differences.push({
      ...base,
      kind: "status_mismatch",
      dedupeKey: `status:${charge.id}:paid`,
      amply: `Donation ${donation.paymentStatus}`,
      stripe: `Paid ${stripeAmount}`,
      explanation:
        "Stripe took this payment but Amply does not show the donation as paid: a webhook did not reach Amply. Re-sync from Stripe in Settings > Payments; the donor gets their receipt then.",
    });
  } else if (charge.status === "failed" && amplyPaid) {
    differences.push({
      ...base,
      kind: "status_mismatch",
      dedupeKey: `status:${charge.id}:failed`,
      amply: "Donation paid",
      stripe: "Charge failed",
      explanation:
        "Amply shows this donation as paid but Stripe's charge failed: no money came in. Check the payment in Stripe's Dashboard before thanking the donor again.",
    });
  }
  if (!paid) return { differences, feePending };

  const refunded = BigInt(charge.amount_refunded);
  if (refunded !== donation.refundedAmount) {
    differences.push({
      ...base,
      kind: charge.refunded && donation.status !== "refunded" ? "status_mismatch" : "amount_mismatch",
      dedupeKey: `refunded:${charge.id}`,
      amply: `Refunded ${money(donation.refundedAmount, donation.currency)} (${donation.status.replace("_", " ")})`,
      stripe: `Refunded ${money(refunded, charge.currency)}${charge.refunded ? " (in full)" : ""}`,
      explanation:
        refunded > donation.refundedAmount
          ? "Stripe refunded more of this charge than Amply knows of: a refund made in Stripe's Dashboard whose webhook did not reach Amply. Re-sync from Stripe in Settings > Payments."
          : "Amply counts refunds on this donation that Stripe does not have. Check the donation's refunds against the payment in Stripe's Dashboard.",
    });
  }
  if (charge.disputed && donation.disputes === 0) {
    differences.push({
      ...base,
      kind: "status_mismatch",
      dedupeKey: `dispute:${charge.id}`,
      amply: "No dispute",
      stripe: "Disputed",
      explanation:
        "The donor's bank disputed this charge and Amply has not heard of it. Re-sync from Stripe in Settings > Payments, and answer the dispute in Stripe's Dashboard before its deadline.",
    });
  }
  return { differences, feePending };
}

/** Amply's record of a refund, as the worker reads it. */
export type RefundSide = { stripeRefundId: string; donationId: string; amount: bigint; currency: string; status: string };

/** A refund against Amply's record of it. */
export function compareRefund(account: string, refund: Stripe.Refund, recorded: RefundSide | undefined): Difference[] {
  const base = { stripeObjectId: refund.id, stripeAccountId: account, donationId: recorded?.donationId ?? null, ledgerEntryId: null };
  const stripeAmount = money(refund.amount, refund.currency);
  const status = refund.status ?? "pending";
  if (!recorded) {
    if (status === "failed" || status === "canceled") return [];
    return [
      {
        ...base,
        kind: "missing_in_amply",
        dedupeKey: `missing_in_amply:${refund.id}:refund`,
        amply: "No refund",
        stripe: `Refund of ${stripeAmount} (${status.replace("_", " ")}) of ${idOf(refund.charge) ?? "a charge"}`,
        explanation:
          "Stripe has a refund Amply has not recorded: made in Stripe's Dashboard, or its webhook did not reach Amply. Re-sync from Stripe in Settings > Payments.",
      },
    ];
  }
  const differences: Difference[] = [];
  if (refund.currency.toUpperCase() !== recorded.currency.toUpperCase() || BigInt(refund.amount) !== recorded.amount) {
    differences.push({
      ...base,
      kind: refund.currency.toUpperCase() !== recorded.currency.toUpperCase() ? "currency_mismatch" : "amount_mismatch",
      dedupeKey: `amount:${refund.id}`,
      amply: `Refund of ${money(recorded.amount, recorded.currency)}`,
      stripe: `Refund of ${stripeAmount}`,
      explanation: "Amply recorded this refund with another amount than Stripe's. Stripe's figure is what went back to the donor.",
    });
  }
  if (status !== recorded.status) {
    differences.push({
      ...base,
      kind: "status_mismatch",
      dedupeKey: `status:${refund.id}`,
      amply: `Refund ${recorded.status.replace("_", " ")}`,
      stripe: `Refund ${status.replace("_", " ")}`,
      explanation: "Stripe has moved this refund on and Amply has not heard of it: a webhook did not reach Amply. Re-sync from Stripe in Settings > Payments.",
    });
  }
  return differences;
}

/** The ledger entry type that books a balance transaction, or null when Amply's ledger does not book that kind of money. */
export function ledgerTypeOf(txn: Pick<Stripe.BalanceTransaction, "type" | "amount" | "source">): LedgerEntryType | null {
  switch (txn.type) {
    case "charge":
    case "payment":
      return "donation_received";
    case "refund":
    case "payment_refund":
      return "refund";
    case "refund_failure":
    case "payment_failure_refund":
      return "refund_reversal";
    case "adjustment": {
      // Disputes move money as adjustments whose source is the dispute.
      const source = idOf(txn.source);
      if (!source || !/^(du|dp)_/.test(source)) return null;
      return txn.amount < 0 ? "dispute_funds_withdrawn" : "dispute_funds_reinstated";
    }
    case "payout":
      return "payout_paid";
    case "payout_failure":
      return "payout_failed";
    default:
      return null;
  }
}

/** Amply's ledger entry, as the worker reads it. */
export type LedgerSide = {
  id: bigint;
  type: LedgerEntryType;
  donationId: string | null;
  stripeObjectId: string;
  stripeBalanceTransactionId: string | null;
  amount: bigint;
  currency: string;
  settlementAmount: bigint | null;
  settlementFee: bigint | null;
  settlementNet: bigint | null;
  settlementCurrency: string | null;
};

const LEDGER_LABELS: Record<LedgerEntryType, string> = {
  donation_received: "donation",
  refund: "refund",
  refund_reversal: "failed refund",
  dispute_funds_withdrawn: "dispute withdrawal",
  dispute_funds_reinstated: "dispute reinstatement",
  payout_paid: "payout",
  payout_failed: "failed payout",
};

/** A balance transaction against the ledger entry that books it (found by its id, or by its source and kind). */
export function compareBalanceTransaction(account: string, txn: Stripe.BalanceTransaction, entry: LedgerSide | undefined): Difference[] {
  const type = ledgerTypeOf(txn);
  if (!type) return [];
  const source = idOf(txn.source) ?? txn.id;
  const base = { stripeObjectId: source, stripeAccountId: account, donationId: entry?.donationId ?? null, ledgerEntryId: entry?.id ?? null };
  const stripeSide = `${money(txn.amount, txn.currency)}, fee ${money(txn.fee, txn.currency)}, net ${money(txn.net, txn.currency)}`;
  if (!entry) {
    return [
      {
        ...base,
        kind: "missing_in_amply",
        dedupeKey: `missing_in_amply:${source}:${type}`,
        amply: "No ledger entry",
        stripe: `${LEDGER_LABELS[type]}: ${stripeSide} (${txn.id})`,
        explanation:
          type === "payout_paid" || type === "payout_failed"
            ? "Stripe moved this money and Amply's ledger has no entry for it: its webhook did not reach Amply. Re-sync from Stripe in Settings > Payments."
            : "Stripe moved this money and Amply's ledger has no entry for it: a webhook that did not reach Amply, a payment made outside Amply, or an entry removed from the ledger. Re-sync from Stripe in Settings > Payments; if it stays, tell whoever runs Amply.",
      },
    ];
  }
  const label = LEDGER_LABELS[entry.type];
  // Entries booked without a balance transaction can only be compared in their own currency.
  if (entry.settlementAmount === null || entry.settlementCurrency === null) {
    if (entry.currency.toUpperCase() === txn.currency.toUpperCase() && entry.amount !== BigInt(txn.amount)) {
      return [
        {
          ...base,
          kind: "amount_mismatch",
          dedupeKey: `amount:${txn.id}`,
          amply: `${label}: ${money(entry.amount, entry.currency)}`,
          stripe: stripeSide,
          explanation: "Amply's ledger booked another amount than Stripe moved. Stripe's figure is the money that moved.",
        },
      ];
    }
    return [];
  }
  const amplySide = `${money(entry.settlementAmount, entry.settlementCurrency)}, fee ${money(entry.settlementFee ?? 0n, entry.settlementCurrency)}, net ${money(entry.settlementNet ?? 0n, entry.settlementCurrency)}`;
  if (entry.settlementCurrency.toUpperCase() !== txn.currency.toUpperCase()) {
    return [
      {
        ...base,
        kind: "currency_mismatch",
        dedupeKey: `currency:${txn.id}`,
        amply: `${label}: ${amplySide}`,
        stripe: stripeSide,
        explanation:
          "Amply's ledger books this money in another currency than Stripe settled it in. Stripe's balance transaction is the record of what reached the account.",
      },
    ];
  }
  const differences: Difference[] = [];
  if (entry.settlementAmount !== BigInt(txn.amount)) {
    differences.push({
      ...base,
      kind: "amount_mismatch",
      dedupeKey: `amount:${txn.id}`,
      amply: `${label}: ${amplySide}`,
      stripe: stripeSide,
      explanation: "Amply's ledger booked another amount than Stripe's balance transaction. Stripe's figure is the money that moved.",
    });
  }
  if (entry.settlementFee !== BigInt(txn.fee) || entry.settlementNet !== BigInt(txn.net)) {
    differences.push({
      ...base,
      kind: "fee_mismatch",
      dedupeKey: `fee:${txn.id}`,
      amply: `${label}: ${amplySide}`,
      stripe: stripeSide,
      explanation: "Amply's ledger has another fee than Stripe charged. Stripe's figure is what it kept; ask Stripe's support if it looks wrong.",
    });
  }
  return differences;
}

/** A ledger entry in the range that no balance transaction of Stripe's matched. */
export function missingInStripe(entry: LedgerSide, checkedAccounts: string[]): Difference {
  const label = LEDGER_LABELS[entry.type];
  const amount =
    entry.settlementAmount !== null && entry.settlementCurrency ? money(entry.settlementAmount, entry.settlementCurrency) : money(entry.amount, entry.currency);
  return {
    kind: "missing_in_stripe",
    dedupeKey: `missing_in_stripe:${entry.id}`,
    stripeObjectId: entry.stripeObjectId,
    stripeAccountId: checkedAccounts.length === 1 ? (checkedAccounts[0] ?? null) : null,
    donationId: entry.donationId,
    ledgerEntryId: entry.id,
    amply: `${label}: ${amount} (${entry.stripeBalanceTransactionId ?? entry.stripeObjectId})`,
    stripe: "No such balance transaction",
    explanation:
      "Amply's ledger has money Stripe has no record of on the organisation's accounts. Tell whoever runs Amply: the ledger is append-only, and a correcting entry is needed.",
  };
}
