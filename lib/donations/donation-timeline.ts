import { formatMoney } from "@/lib/money/amount";

type Entry = {
  type: string;
  amount: bigint;
  currency: string;
  createdAt: Date;
  settlementFee: bigint | null;
  settlementNet: bigint | null;
  settlementCurrency: string | null;
  stripeObjectId: string;
};

type TimelineInput = {
  createdAt: Date;
  succeededAt: Date | null;
  failedAt: Date | null;
  failureMessage: string | null;
  ledgerEntries: Entry[];
  refunds: Array<{ stripeRefundId: string; amount: bigint; currency: string; status: string; createdAt: Date; updatedAt: Date }>;
  refundRequests: Array<{ amount: bigint; currency: string; status: string; stripeRefundId: string | null; createdAt: Date }>;
  disputes: Array<{ stripeDisputeId: string; amount: bigint; currency: string; status: string; reason: string | null; createdAt: Date; updatedAt: Date }>;
};

export type TimelineEvent = { at: Date; title: string; detail?: string };

const DISPUTE_OUTCOMES: Record<string, string> = {
  won: "Dispute won: the money stays with you",
  lost: "Dispute lost: the money went back to the donor's bank",
  warning_closed: "Inquiry closed without a chargeback",
  prevented: "Dispute prevented",
};

const REFUND_STATES: Record<string, string> = {
  pending: "pending at the bank",
  requires_action: "waiting for the donor's bank details",
  succeeded: "succeeded",
  failed: "failed: the money came back to your balance",
  canceled: "canceled: the money came back to your balance",
};

/**
 * What happened to a donation, oldest first (docs/reports.md#donations-view): created, paid, fee
 * known (from the ledger), each refund and dispute with their outcome, and refunds asked for that
 * Stripe has not confirmed yet.
 */
export function donationTimeline(donation: TimelineInput): TimelineEvent[] {
  const events: TimelineEvent[] = [{ at: donation.createdAt, title: "Donation started" }];
  if (donation.succeededAt) events.push({ at: donation.succeededAt, title: "Paid" });
  if (donation.failedAt) events.push({ at: donation.failedAt, title: "Payment failed", detail: donation.failureMessage ?? undefined });
  const money = (amount: bigint, currency: string | null) => (currency ? formatMoney(amount, currency) : "");
  for (const entry of donation.ledgerEntries) {
    if (entry.type === "donation_received" && entry.settlementFee !== null) {
      events.push({
        at: entry.createdAt,
        title: "Stripe fee known",
        detail: `Fee ${money(entry.settlementFee, entry.settlementCurrency)}, net ${money(entry.settlementNet ?? 0n, entry.settlementCurrency)}`,
      });
    } else if (entry.type === "dispute_funds_withdrawn") {
      events.push({ at: entry.createdAt, title: "Dispute: funds withdrawn", detail: money(-entry.amount, entry.currency) });
    } else if (entry.type === "dispute_funds_reinstated") {
      events.push({ at: entry.createdAt, title: "Dispute: funds returned", detail: money(entry.amount, entry.currency) });
    }
  }
  for (const refund of donation.refunds) {
    events.push({ at: refund.createdAt, title: `Refund of ${money(refund.amount, refund.currency)}`, detail: REFUND_STATES[refund.status] ?? refund.status });
  }
  for (const request of donation.refundRequests) {
    if (request.status === "submitting" || request.status === "submitted") {
      events.push({
        at: request.createdAt,
        title: `Refund of ${money(request.amount, request.currency)} asked for`,
        detail: "pending: waiting for Stripe to confirm it",
      });
    } else if (request.status === "refused") {
      events.push({ at: request.createdAt, title: `Refund of ${money(request.amount, request.currency)} refused by Stripe` });
    }
  }
  for (const dispute of donation.disputes) {
    events.push({ at: dispute.createdAt, title: `Dispute opened for ${money(dispute.amount, dispute.currency)}`, detail: dispute.reason ?? undefined });
    const outcome = DISPUTE_OUTCOMES[dispute.status];
    if (outcome) events.push({ at: dispute.updatedAt, title: outcome });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
