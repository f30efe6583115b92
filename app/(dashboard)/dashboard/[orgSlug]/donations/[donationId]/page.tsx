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
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import { formatDate } from "@/lib/organisations/time-zone";
import { formatReceiptNumber } from "@/lib/receipts/receipt-content";
import { correctReceiptAction, refundAction, resendReceiptAction } from "./actions";

export const metadata: Metadata = { title: dashboardText("donations")("detail.metaTitle") };

const ENTRY_TYPES = ["donation_received", "refund", "refund_reversal", "dispute_funds_withdrawn", "dispute_funds_reinstated"] as const;

/** A ledger entry's type in words; a type the dashboard does not know yet shows as Stripe names it. */
function entryLabel(type: string): string {
  const known = ENTRY_TYPES.find((entry) => entry === type);
  return known ? dashboardText("donations")(`detail.ledger.types.${known}`) : type;
}

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
  const t = dashboardText("donations");
  const r = dashboardText("receiptsAdmin");
  return (
    // One column that may shrink below its content: the ledger table scrolls inside its card instead
    // of widening the page.
    <div className="grid grid-cols-1 gap-6">
      <Link href={`/dashboard/${organisation.slug}/donations`} className="font-semibold text-teal-800 underline">
        {t("detail.all")}
      </Link>
      <Card
        headingLevel={1}
        title={donation.receiptNumber ? t("detail.title", { number: receiptNumber({ receiptNumber: donation.receiptNumber }) }) : t("detail.titleUnpaid")}
      >
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("detail.status")}</dt>
          <dd data-testid="donation-status">
            <StatusBadge status={donation.status} />
          </dd>
          <dt className="text-slate-600">{t("detail.gift")}</dt>
          <dd>{formatMoney(donation.amount, donation.currency)}</dd>
          <dt className="text-slate-600">{t("detail.feeCovered")}</dt>
          <dd>{formatMoney(donation.feeCovered, donation.currency)}</dd>
          <dt className="text-slate-600">{t("detail.charged")}</dt>
          <dd className="font-semibold">{formatMoney(donation.chargedAmount, donation.currency)}</dd>
          {donation.refundedAmount > 0n ? (
            <>
              <dt className="text-slate-600">{t("detail.refunded")}</dt>
              <dd>{formatMoney(donation.refundedAmount, donation.currency)}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("detail.donor")}</dt>
          <dd>
            {donation.anonymous ? t("anonymous") : `${donation.donorName ?? ""} ${donation.donor?.email ? `<${donation.donor.email}>` : ""}`.trim()}
            {donation.donor ? (
              <>
                {" "}
                <Link href={`/dashboard/${organisation.slug}/donors/${donation.donor.id}`} className="font-semibold text-teal-800 underline">
                  {t("detail.donorLink")}
                </Link>
              </>
            ) : null}
          </dd>
          <dt className="text-slate-600">{t("detail.for")}</dt>
          <dd>{donation.campaign?.name ?? donation.fund?.name ?? t("general")}</dd>
          {donation.dedication ? (
            <>
              <dt className="text-slate-600">{t("detail.dedication")}</dt>
              <dd>{donation.dedication}</dd>
            </>
          ) : null}
          {donation.giftAidDeclaration ? (
            <>
              <dt className="text-slate-600">{t("detail.giftAid")}</dt>
              <dd data-testid="donation-gift-aid">
                {donation.giftAidDeclaration.scope === "this_and_future" ? t("detail.giftAidDeclaredFuture") : t("detail.giftAidDeclared")}
              </dd>
            </>
          ) : null}
          {donation.recurringDonation ? (
            <>
              <dt className="text-slate-600">{t("detail.recurring")}</dt>
              <dd data-testid="installment-of">
                {t("detail.installment", {
                  interval: donation.recurringDonation.interval,
                  period:
                    donation.periodStart && donation.periodEnd
                      ? t("detail.installmentPeriod", {
                          from: formatDate(donation.periodStart, organisation.timeZone),
                          to: formatDate(donation.periodEnd, organisation.timeZone),
                        })
                      : "",
                  // Stripe's own word for the subscription's state ("active", "past due").
                  status: donation.recurringDonation.status.replaceAll("_", " "),
                })}
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("detail.payment")}</dt>
          <dd>{donation.method === "bank_transfer" ? t("detail.bankTransfer") : (donation.paymentMethodType ?? "-")}</dd>
          <dt className="text-slate-600">{t("detail.started")}</dt>
          <dd>{t("detail.startedAt", { date: donation.createdAt.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) })}</dd>
          {donation.failureMessage ? (
            <>
              <dt className="text-slate-600">{t("detail.lastFailure")}</dt>
              <dd>{donation.failureMessage}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("detail.stripe")}</dt>
          <dd className="font-mono text-xs break-all">{donation.stripeChargeId ?? donation.stripePaymentIntentId ?? "-"}</dd>
        </dl>
      </Card>
      <Card title={r("title")} description={r("description")}>
        {donation.receipts.length === 0 ? (
          <p className="text-sm text-slate-600">{r("none")}</p>
        ) : (
          <Table
            caption={r("caption")}
            variant="inset"
            className="min-w-[28rem]"
            testId="receipts"
            rows={donation.receipts}
            rowKey={(receipt) => receipt.id}
            rowTestId="receipt"
            columns={[
              {
                header: r("number"),
                cell: (receipt) => (
                  <>
                    <span className="font-semibold">{formatReceiptNumber(receipt.number)}</span>
                    <span className="block text-xs text-slate-600">
                      {receipt.replacedBy ? r("replaced") : r("inForce")}
                      {receipt.replaces ? r("corrects", { number: formatReceiptNumber(receipt.replaces.number) }) : ""}
                    </span>
                  </>
                ),
              },
              { header: r("issued"), cell: (receipt) => formatDate(receipt.issuedAt, organisation.timeZone) },
              {
                header: r("donorAsPrinted"),
                cell: (receipt) => (
                  <>
                    {receipt.donorName ?? r("supporter")}
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
                  {r("resendHeading")}
                </h3>
                <ResendReceiptForm action={resendReceiptAction} organisationId={organisation.id} donationId={donation.id} to={donation.donor.email} />
              </section>
            ) : null}
            <section aria-labelledby="correct-heading" className="grid gap-2">
              <h3 id="correct-heading" className="font-semibold">
                {r("correctHeading")}
              </h3>
              <p className="text-sm text-slate-700">{r("correctIntro", { number: formatReceiptNumber(inForce.number) })}</p>
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
      <Card title={t("detail.timeline.title")} description={t("detail.timeline.description")}>
        <ol className="grid gap-3 text-sm" data-testid="timeline">
          {timeline.map((event, index) => (
            <li key={index} className="grid gap-0.5 border-l-2 border-teal-700 pl-3">
              <span className="font-semibold">{event.title}</span>
              {event.detail ? <span className="text-slate-700">{event.detail}</span> : null}
              <time dateTime={event.at.toISOString()} className="text-xs text-slate-600">
                {t("detail.timeline.at", {
                  date: event.at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: organisation.timeZone }),
                  timeZone: organisation.timeZone,
                })}
              </time>
            </li>
          ))}
        </ol>
      </Card>
      {donation.paymentStatus === "succeeded" ? (
        <Card title={t("detail.refunds.title")} description={t("detail.refunds.description")}>
          <div className="grid gap-4">
            {donation.refunds.length + pendingRequests.length === 0 ? <p className="text-sm text-slate-600">{t("detail.refunds.none")}</p> : null}
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
                        ? t("detail.refunds.waitingForBank")
                        : request.stripeDestination === "customer_cash_balance"
                          ? t("detail.refunds.pendingCashBalance")
                          : t("detail.refunds.pendingStripe")}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {!hasRole(role, "admin") ? (
              <p className="text-sm text-slate-600">{t("detail.refunds.adminsOnly")}</p>
            ) : left <= 0n ? (
              <p className="text-sm text-slate-600">{t("detail.refunds.nothingLeft")}</p>
            ) : !accountConnected ? (
              <p className="text-sm text-slate-700">{t("detail.refunds.accountGone")}</p>
            ) : (
              <RefundForm action={refundAction} organisationId={organisation.id} donationId={donation.id} left={formatMoney(left, donation.currency)} />
            )}
          </div>
        </Card>
      ) : null}
      <Card title={t("detail.ledger.title")} description={t("detail.ledger.description")}>
        {donation.ledgerEntries.length === 0 ? (
          <p className="text-sm text-slate-600">{t("detail.ledger.none")}</p>
        ) : (
          <Table
            caption={t("detail.ledger.caption")}
            variant="inset"
            className="min-w-[36rem]"
            testId="ledger"
            rows={donation.ledgerEntries}
            rowKey={(entry) => entry.id.toString()}
            rowTestId="ledger-entry"
            columns={[
              {
                header: t("detail.ledger.entry"),
                cell: (entry) => (
                  <>
                    {entryLabel(entry.type)}
                    <span className="block font-mono text-xs text-slate-500">{entry.stripeObjectId}</span>
                  </>
                ),
              },
              { header: t("detail.ledger.amount"), align: "right", className: "tabular-nums", cell: (entry) => money(entry.amount, entry.currency) },
              {
                header: t("detail.ledger.settled"),
                align: "right",
                className: "tabular-nums",
                cell: (entry) => (
                  <>
                    {money(entry.settlementAmount, entry.settlementCurrency)}
                    {entry.exchangeRate ? (
                      <span className="block text-xs text-slate-500">{t("detail.ledger.rate", { rate: entry.exchangeRate.toString() })}</span>
                    ) : null}
                  </>
                ),
              },
              {
                header: t("detail.ledger.stripeFee"),
                align: "right",
                className: "tabular-nums",
                cell: (entry) => money(entry.settlementFee, entry.settlementCurrency),
              },
              {
                header: t("detail.ledger.net"),
                align: "right",
                className: "tabular-nums",
                cell: (entry) => money(entry.settlementNet, entry.settlementCurrency),
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

function refundStatusText(status: string, destination: string | null): string {
  const t = dashboardText("donations");
  if (status === "succeeded" && destination === "customer_cash_balance") return t("detail.refunds.status.succeededCashBalance");
  if (status === "requires_action" || status === "succeeded" || status === "pending" || status === "failed" || status === "canceled") {
    return t(`detail.refunds.status.${status}`);
  }
  return status;
}
