import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefundForm } from "@/components/donations/refund-form";
import { StatusBadge } from "@/components/donations/status-badge";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { donationTimeline } from "@/lib/donations/donation-timeline";
import { receiptNumber } from "@/lib/donations/receipt";
import { formatMoney } from "@/lib/money/amount";
import { refundAction } from "./actions";

export const metadata: Metadata = { title: "Donation" };

const ENTRY_LABELS: Record<string, string> = {
  donation_received: "Donation received",
  refund: "Refund",
  refund_reversal: "Refund failed (returned)",
  dispute_funds_withdrawn: "Dispute: funds withdrawn",
  dispute_funds_reinstated: "Dispute: funds reinstated",
};

export default async function DonationPage({ params }: { params: Promise<{ orgSlug: string; donationId: string }> }) {
  const { orgSlug, donationId } = await params;
  const { organisation, role } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/donations/${donationId}`);
  const donation = await db.donation.findFirst({
    where: { id: donationId, organisationId: organisation.id },
    include: {
      donor: true,
      fund: true,
      campaign: true,
      refunds: { orderBy: { createdAt: "asc" } },
      refundRequests: { orderBy: { createdAt: "asc" } },
      disputes: true,
      ledgerEntries: { orderBy: { id: "asc" } },
    },
  });
  if (!donation) notFound();
  const timeline = donationTimeline(donation);
  const held = donation.refundRequests
    .filter((request) => request.status === "submitting" || request.status === "submitted")
    .reduce((sum, request) => sum + request.amount, 0n);
  const left = donation.chargedAmount - donation.refundedAmount - held;
  const destinations = new Map(donation.refundRequests.map((request) => [request.stripeRefundId, request.stripeDestination]));
  const pendingRequests = donation.refundRequests.filter((request) => request.status === "submitting" || request.status === "submitted");
  const accountConnected = !!donation.stripeAccountId && donation.stripeAccountId === organisation.stripeAccountId;
  const money = (amount: bigint | null, currency: string | null) => (amount === null || !currency ? "-" : formatMoney(amount, currency));
  return (
    // One column that may shrink below its content: the ledger table scrolls inside its card instead
    // of widening the page.
    <div className="grid grid-cols-1 gap-6">
      <Link href={`/dashboard/${organisation.slug}/donations`} className="font-semibold text-teal-800 underline">
        All donations
      </Link>
      <Card
        headingLevel={1}
        title={donation.receiptNumber ? `Donation ${receiptNumber({ receiptNumber: donation.receiptNumber })}` : "Donation (not paid yet)"}
      >
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">Status</dt>
          <dd data-testid="donation-status">
            <StatusBadge status={donation.status} />
          </dd>
          <dt className="text-slate-600">Gift</dt>
          <dd>{formatMoney(donation.amount, donation.currency)}</dd>
          <dt className="text-slate-600">Fee covered by donor</dt>
          <dd>{formatMoney(donation.feeCovered, donation.currency)}</dd>
          <dt className="text-slate-600">Charged</dt>
          <dd className="font-semibold">{formatMoney(donation.chargedAmount, donation.currency)}</dd>
          {donation.refundedAmount > 0n ? (
            <>
              <dt className="text-slate-600">Refunded</dt>
              <dd>{formatMoney(donation.refundedAmount, donation.currency)}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Donor</dt>
          <dd>{donation.anonymous ? "Anonymous" : `${donation.donorName ?? ""} ${donation.donor?.email ? `<${donation.donor.email}>` : ""}`.trim()}</dd>
          <dt className="text-slate-600">For</dt>
          <dd>{donation.campaign?.name ?? donation.fund?.name ?? "General"}</dd>
          {donation.dedication ? (
            <>
              <dt className="text-slate-600">Dedication</dt>
              <dd>{donation.dedication}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Payment</dt>
          <dd>{donation.method === "bank_transfer" ? "Bank transfer" : (donation.paymentMethodType ?? "-")}</dd>
          <dt className="text-slate-600">Started</dt>
          <dd>{donation.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</dd>
          {donation.failureMessage ? (
            <>
              <dt className="text-slate-600">Last failure</dt>
              <dd>{donation.failureMessage}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Stripe</dt>
          <dd className="font-mono text-xs break-all">{donation.stripeChargeId ?? donation.stripePaymentIntentId ?? "-"}</dd>
        </dl>
      </Card>
      <Card title="Timeline" description="What happened to this donation, oldest first.">
        <ol className="grid gap-3 text-sm" data-testid="timeline">
          {timeline.map((event, index) => (
            <li key={index} className="grid gap-0.5 border-l-2 border-teal-700 pl-3">
              <span className="font-semibold">{event.title}</span>
              {event.detail ? <span className="text-slate-700">{event.detail}</span> : null}
              <time dateTime={event.at.toISOString()} className="text-xs text-slate-600">
                {event.at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
              </time>
            </li>
          ))}
        </ol>
      </Card>
      {donation.paymentStatus === "succeeded" ? (
        <Card title="Refunds" description="Refunds go back through Stripe, on the account this donation was paid into.">
          <div className="grid gap-4">
            {donation.refunds.length + pendingRequests.length === 0 ? <p className="text-sm text-slate-600">No refunds.</p> : null}
            {donation.refunds.length + pendingRequests.length > 0 ? (
              <ul className="grid gap-2 text-sm" data-testid="refunds">
                {donation.refunds.map((refund) => (
                  <li key={refund.id} data-testid="refund" className="flex flex-wrap justify-between gap-2">
                    <span className="font-semibold tabular-nums">{formatMoney(refund.amount, refund.currency)}</span>
                    <span data-testid="refund-status">{refundStatusText(refund.status, destinations.get(refund.stripeRefundId) ?? null)}</span>
                  </li>
                ))}
                {pendingRequests.map((request) => (
                  <li key={request.id} data-testid="refund" className="flex flex-wrap justify-between gap-2">
                    <span className="font-semibold tabular-nums">{formatMoney(request.amount, request.currency)}</span>
                    <span data-testid="refund-status">
                      {request.stripeStatus === "requires_action"
                        ? "Waiting for the donor's bank details (Stripe emailed them)"
                        : request.stripeDestination === "customer_cash_balance"
                          ? "Pending: going back to the donor's cash balance with Stripe"
                          : "Pending: waiting for Stripe to confirm it"}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {!hasRole(role, "admin") ? (
              <p className="text-sm text-slate-600">Admins and owners can refund donations.</p>
            ) : left <= 0n ? (
              <p className="text-sm text-slate-600">Nothing is left to refund.</p>
            ) : !accountConnected ? (
              <p className="text-sm text-slate-700">
                This donation was paid into a Stripe account that is no longer connected to Amply. Refund it from that account&apos;s Stripe Dashboard.
              </p>
            ) : (
              <RefundForm action={refundAction} organisationId={organisation.id} donationId={donation.id} left={formatMoney(left, donation.currency)} />
            )}
          </div>
        </Card>
      ) : null}
      <Card
        title="Ledger"
        description="What this donation moved in your Stripe balance: the amount donors paid, and Stripe's own figures in your settlement currency."
      >
        {donation.ledgerEntries.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing yet: entries appear when Stripe confirms the payment.</p>
        ) : (
          <Table
            caption="Ledger entries for this donation"
            variant="inset"
            className="min-w-[36rem]"
            testId="ledger"
            rows={donation.ledgerEntries}
            rowKey={(entry) => entry.id.toString()}
            rowTestId="ledger-entry"
            columns={[
              {
                header: "Entry",
                cell: (entry) => (
                  <>
                    {ENTRY_LABELS[entry.type] ?? entry.type}
                    <span className="block font-mono text-xs text-slate-500">{entry.stripeObjectId}</span>
                  </>
                ),
              },
              { header: "Amount", align: "right", className: "tabular-nums", cell: (entry) => money(entry.amount, entry.currency) },
              {
                header: "Settled",
                align: "right",
                className: "tabular-nums",
                cell: (entry) => (
                  <>
                    {money(entry.settlementAmount, entry.settlementCurrency)}
                    {entry.exchangeRate ? <span className="block text-xs text-slate-500">rate {entry.exchangeRate.toString()}</span> : null}
                  </>
                ),
              },
              { header: "Stripe fee", align: "right", className: "tabular-nums", cell: (entry) => money(entry.settlementFee, entry.settlementCurrency) },
              { header: "Net", align: "right", className: "tabular-nums", cell: (entry) => money(entry.settlementNet, entry.settlementCurrency) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

function refundStatusText(status: string, destination: string | null): string {
  if (status === "requires_action") return "Waiting for the donor's bank details (Stripe emailed them)";
  if (status === "succeeded" && destination === "customer_cash_balance") return "Refunded to the donor's cash balance with Stripe";
  if (status === "succeeded") return "Refunded";
  if (status === "pending") return "Pending at the bank";
  if (status === "failed") return "Failed: the money came back to your balance";
  if (status === "canceled") return "Canceled: the money came back to your balance";
  return status;
}
