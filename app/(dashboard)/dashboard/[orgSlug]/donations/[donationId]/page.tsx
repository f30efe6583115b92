import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefundForm } from "@/components/donations/refund-form";
import { StatusBadge } from "@/components/donations/status-badge";
import { CorrectReceiptForm, ResendReceiptForm } from "@/components/receipts/receipt-forms";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { donationTimeline } from "@/lib/donations/donation-timeline";
import { receiptNumber } from "@/lib/donations/receipt";
import { formatMoney } from "@/lib/money/amount";
import { formatDate } from "@/lib/organisations/time-zone";
import { formatReceiptNumber } from "@/lib/receipts/receipt-content";
import { correctReceiptAction, refundAction, resendReceiptAction } from "./actions";

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
      giftAidDeclaration: { select: { scope: true, declaredAt: true } },
      recurringDonation: { select: { interval: true, status: true } },
      refunds: { orderBy: { createdAt: "asc" } },
      refundRequests: { orderBy: { createdAt: "asc" } },
      disputes: true,
      ledgerEntries: { orderBy: { id: "asc" } },
      receipts: { orderBy: { number: "desc" }, include: { replaces: { select: { number: true } }, replacedBy: { select: { id: true } } } },
    },
  });
  if (!donation) notFound();
  const canManage = hasRole(role, "admin");
  const inForce = donation.receipts.find((receipt) => !receipt.replacedBy) ?? null;
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
          <dd>
            {donation.anonymous ? "Anonymous" : `${donation.donorName ?? ""} ${donation.donor?.email ? `<${donation.donor.email}>` : ""}`.trim()}
            {donation.donor ? (
              <>
                {" "}
                <Link href={`/dashboard/${organisation.slug}/donors/${donation.donor.id}`} className="font-semibold text-teal-800 underline">
                  Donor&apos;s gifts and statements
                </Link>
              </>
            ) : null}
          </dd>
          <dt className="text-slate-600">For</dt>
          <dd>{donation.campaign?.name ?? donation.fund?.name ?? "General"}</dd>
          {donation.dedication ? (
            <>
              <dt className="text-slate-600">Dedication</dt>
              <dd>{donation.dedication}</dd>
            </>
          ) : null}
          {donation.giftAidDeclaration ? (
            <>
              <dt className="text-slate-600">Gift Aid</dt>
              <dd data-testid="donation-gift-aid">
                Declared with this gift{donation.giftAidDeclaration.scope === "this_and_future" ? ", and for the donor's future gifts" : ""}
              </dd>
            </>
          ) : null}
          {donation.recurringDonation ? (
            <>
              <dt className="text-slate-600">Recurring</dt>
              <dd data-testid="installment-of">
                Installment of a {donation.recurringDonation.interval === "year" ? "yearly" : "monthly"} gift
                {donation.periodStart && donation.periodEnd
                  ? `, ${formatDate(donation.periodStart, organisation.timeZone)} to ${formatDate(donation.periodEnd, organisation.timeZone)}`
                  : ""}{" "}
                (the gift is {donation.recurringDonation.status.replaceAll("_", " ")})
              </dd>
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
      <Card title="Receipts" description="Every receipt issued for this gift, newest first. A correction has a new number and replaces the one before.">
        {donation.receipts.length === 0 ? (
          <p className="text-sm text-slate-600">None yet: the receipt is issued when the payment succeeds.</p>
        ) : (
          <Table
            caption="Receipts issued for this donation"
            variant="inset"
            className="min-w-[28rem]"
            testId="receipts"
            rows={donation.receipts}
            rowKey={(receipt) => receipt.id}
            rowTestId="receipt"
            columns={[
              {
                header: "Number",
                cell: (receipt) => (
                  <>
                    <span className="font-semibold">{formatReceiptNumber(receipt.number)}</span>
                    <span className="block text-xs text-slate-600">
                      {receipt.replacedBy ? "Replaced" : "In force"}
                      {receipt.replaces ? `; corrects ${formatReceiptNumber(receipt.replaces.number)}` : ""}
                    </span>
                  </>
                ),
              },
              { header: "Issued", cell: (receipt) => formatDate(receipt.issuedAt, organisation.timeZone) },
              {
                header: "Donor as printed",
                cell: (receipt) => (
                  <>
                    {receipt.donorName ?? "Supporter"}
                    {receipt.donorAddress ? <span className="block text-xs whitespace-pre-line text-slate-600">{receipt.donorAddress}</span> : null}
                  </>
                ),
              },
            ]}
          />
        )}
        {canManage && inForce ? (
          <div className="mt-6 grid gap-8">
            {donation.donor?.email ? (
              <section aria-labelledby="resend-heading" className="grid gap-2">
                <h3 id="resend-heading" className="font-semibold">
                  Resend
                </h3>
                <ResendReceiptForm action={resendReceiptAction} organisationId={organisation.id} donationId={donation.id} to={donation.donor.email} />
              </section>
            ) : null}
            <section aria-labelledby="correct-heading" className="grid gap-2">
              <h3 id="correct-heading" className="font-semibold">
                Correct the donor&apos;s name or address
              </h3>
              <p className="text-sm text-slate-700">
                Issues a receipt with a new number that replaces {formatReceiptNumber(inForce.number)}, and emails it to the donor.
              </p>
              <CorrectReceiptForm
                action={correctReceiptAction}
                organisationId={organisation.id}
                donationId={donation.id}
                donorName={inForce.donorName ?? ""}
                donorAddress={inForce.donorAddress ?? ""}
              />
            </section>
          </div>
        ) : null}
      </Card>
      <Card title="Timeline" description="What happened to this donation, oldest first.">
        <ol className="grid gap-3 text-sm" data-testid="timeline">
          {timeline.map((event, index) => (
            <li key={index} className="grid gap-0.5 border-l-2 border-teal-700 pl-3">
              <span className="font-semibold">{event.title}</span>
              {event.detail ? <span className="text-slate-700">{event.detail}</span> : null}
              <time dateTime={event.at.toISOString()} className="text-xs text-slate-600">
                {event.at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: organisation.timeZone })} ({organisation.timeZone})
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
