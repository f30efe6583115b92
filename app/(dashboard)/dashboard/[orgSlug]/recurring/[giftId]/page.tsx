import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/donations/status-badge";
import { CancelForDonorForm } from "@/components/recurring/cancel-for-donor-form";
import { Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import { formatDate, giftFigure } from "@/lib/recurring/change-emails";
import { giftStatus } from "@/lib/recurring/gift-status";
import { installmentTotals } from "@/lib/recurring/list-recurring-gifts";

export const metadata: Metadata = { title: dashboardText("recurringGifts")("gift.metaTitle") };

export default async function RecurringGiftPage({ params }: { params: Promise<{ orgSlug: string; giftId: string }> }) {
  const { orgSlug, giftId } = await params;
  const { organisation, role } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/recurring`);
  const gift = await db.recurringDonation.findFirst({
    where: { id: giftId, organisationId: organisation.id },
    include: {
      donor: { select: { name: true, email: true } },
      donations: {
        orderBy: { createdAt: "desc" },
        select: { id: true, createdAt: true, chargedAmount: true, currency: true, status: true, receiptNumber: true },
      },
    },
  });
  if (!gift) notFound();
  const status = giftStatus(gift);
  const paid = (await installmentTotals([gift.id])).get(gift.id) ?? { count: 0, total: 0n };
  const base = `/dashboard/${organisation.slug}`;
  const t = dashboardText("recurringGifts");
  return (
    <div className="grid grid-cols-1 gap-4">
      <p>
        <Link href={`${base}/recurring`} className="text-sm font-semibold text-teal-800 underline">
          {t("gift.all")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold [overflow-wrap:anywhere]">{t("gift.heading", { donor: gift.donor.name ?? gift.donor.email })}</h1>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("gift.donor")}</dt>
          <dd className="[overflow-wrap:anywhere]">
            {gift.donor.name ? `${gift.donor.name}, ` : ""}
            {gift.donor.email}
          </dd>
          <dt className="text-slate-600">{t("gift.gift")}</dt>
          <dd>{giftFigure(gift, gift.amount, gift.feeCovered, gift.interval)}</dd>
          <dt className="text-slate-600">{t("gift.status")}</dt>
          <dd data-testid="gift-status">{t(`statuses.${status}`)}</dd>
          {status === "paused" && gift.pausedUntil ? (
            <>
              <dt className="text-slate-600">{t("gift.resumes")}</dt>
              <dd>{formatDate(gift.pausedUntil)}</dd>
            </>
          ) : null}
          {status !== "canceled" && gift.currentPeriodEnd ? (
            <>
              <dt className="text-slate-600">{t("gift.nextPayment")}</dt>
              <dd>{formatDate(gift.currentPeriodEnd)}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("gift.paidSoFar")}</dt>
          <dd>{t("gift.paidIn", { total: formatMoney(paid.total, gift.currency), count: paid.count })}</dd>
        </dl>
      </Card>
      {gift.donations.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">{t("gift.noInstallments")}</p>
      ) : (
        <Table
          caption={t("gift.caption")}
          rows={gift.donations}
          rowKey={(donation) => donation.id}
          rowTestId="installment-row"
          columns={[
            {
              header: t("gift.date"),
              cell: (donation) => (
                <Link href={`${base}/donations/${donation.id}`} className="font-semibold text-teal-800 underline">
                  {formatDate(donation.createdAt)}
                </Link>
              ),
            },
            {
              header: t("gift.amount"),
              align: "right",
              className: "whitespace-nowrap tabular-nums",
              cell: (donation) => formatMoney(donation.chargedAmount, donation.currency),
            },
            { header: t("gift.installmentStatus"), cell: (donation) => <StatusBadge status={donation.status} /> },
          ]}
        />
      )}
      {status !== "canceled" && status !== "incomplete" && hasRole(role, "admin") ? (
        <Card title={t("cancel.title")} description={t("cancel.description")}>
          <CancelForDonorForm organisationId={organisation.id} giftId={gift.id} requestId={randomUUID()} />
        </Card>
      ) : null}
    </div>
  );
}
