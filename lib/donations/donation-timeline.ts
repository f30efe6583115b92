import { dashboardText } from "@/lib/i18n/dashboard-text";
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

// Stripe's states the timeline puts in words (donations.timeline in the message files); any other
// state shows as Stripe names it, and a dispute in another state adds no outcome yet.
const DISPUTE_OUTCOMES = ["won", "lost", "warning_closed", "prevented"] as const;
const REFUND_STATES = ["pending", "requires_action", "succeeded", "failed", "canceled"] as const;

const known = <T extends string>(states: readonly T[], state: string): T | undefined => states.find((candidate) => candidate === state);

/**
 * What happened to a donation, oldest first (docs/reports.md#donations-view): created, paid, fee
 * known (from the ledger), each refund and dispute with their outcome, and refunds asked for that
 * Stripe has not confirmed yet.
 */
export function donationTimeline(donation: TimelineInput): TimelineEvent[] {
  const t = dashboardText("donations");
  const events: TimelineEvent[] = [{ at: donation.createdAt, title: t("timeline.started") }];
  if (donation.succeededAt) events.push({ at: donation.succeededAt, title: t("timeline.paid") });
  if (donation.failedAt) events.push({ at: donation.failedAt, title: t("timeline.failed"), detail: donation.failureMessage ?? undefined });
  const money = (amount: bigint, currency: string | null) => (currency ? formatMoney(amount, currency) : "");
  for (const entry of donation.ledgerEntries) {
    if (entry.type === "donation_received" && entry.settlementFee !== null) {
      events.push({
        at: entry.createdAt,
        title: t("timeline.feeKnown"),
        detail: t("timeline.feeDetail", {
          fee: money(entry.settlementFee, entry.settlementCurrency),
          net: money(entry.settlementNet ?? 0n, entry.settlementCurrency),
        }),
      });
    } else if (entry.type === "dispute_funds_withdrawn") {
      events.push({ at: entry.createdAt, title: t("timeline.disputeWithdrawn"), detail: money(-entry.amount, entry.currency) });
    } else if (entry.type === "dispute_funds_reinstated") {
      events.push({ at: entry.createdAt, title: t("timeline.disputeReturned"), detail: money(entry.amount, entry.currency) });
    }
  }
  for (const refund of donation.refunds) {
    const state = known(REFUND_STATES, refund.status);
    events.push({
      at: refund.createdAt,
      title: t("timeline.refund", { amount: money(refund.amount, refund.currency) }),
      detail: state ? t(`timeline.refundStates.${state}`) : refund.status,
    });
  }
  for (const request of donation.refundRequests) {
    if (request.status === "submitting" || request.status === "submitted") {
      events.push({
        at: request.createdAt,
        title: t("timeline.refundAskedFor", { amount: money(request.amount, request.currency) }),
        detail: t("timeline.refundPending"),
      });
    } else if (request.status === "refused") {
      events.push({ at: request.createdAt, title: t("timeline.refundRefused", { amount: money(request.amount, request.currency) }) });
    }
  }
  for (const dispute of donation.disputes) {
    events.push({
      at: dispute.createdAt,
      title: t("timeline.disputeOpened", { amount: money(dispute.amount, dispute.currency) }),
      detail: dispute.reason ?? undefined,
    });
    const outcome = known(DISPUTE_OUTCOMES, dispute.status);
    if (outcome) events.push({ at: dispute.updatedAt, title: t(`timeline.disputeOutcomes.${outcome}`) });
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
