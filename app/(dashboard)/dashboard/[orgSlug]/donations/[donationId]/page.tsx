import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/donations/status-badge";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { receiptNumber } from "@/lib/donations/receipt";
import { formatMoney } from "@/lib/money/amount";

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
  const { organisation } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/donations/${donationId}`);
  const donation = await db.donation.findFirst({
    where: { id: donationId, organisationId: organisation.id },
    include: {
      donor: true,
      fund: true,
      campaign: true,
      recurringDonation: { select: { interval: true, status: true } },
      refunds: { orderBy: { createdAt: "asc" } },
      disputes: true,
      ledgerEntries: { orderBy: { id: "asc" } },
    },
  });
  if (!donation) notFound();
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
          {donation.recurringDonation ? (
            <>
              <dt className="text-slate-600">Recurring</dt>
              <dd data-testid="installment-of">
                Installment of a {donation.recurringDonation.interval === "year" ? "yearly" : "monthly"} gift
                {donation.periodStart && donation.periodEnd
                  ? `, ${donation.periodStart.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" })} to ${donation.periodEnd.toLocaleDateString("en-GB", { dateStyle: "medium", timeZone: "UTC" })}`
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
