import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { dashboardText } from "@/lib/i18n/dashboard-text";
import { formatMoney } from "@/lib/money/amount";
import { formatDate } from "@/lib/recurring/change-emails";
import { GIFT_STATUSES, type GiftStatus } from "@/lib/recurring/gift-status";
import { listRecurringGifts } from "@/lib/recurring/list-recurring-gifts";

export const metadata: Metadata = { title: dashboardText("recurringGifts")("metaTitle") };

export default async function RecurringPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ status?: string; after?: string }>;
}) {
  const { orgSlug } = await params;
  const { status, after } = await searchParams;
  const { organisation } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/recurring`);
  const filter = status === undefined ? undefined : (GIFT_STATUSES as readonly string[]).includes(status) ? (status as GiftStatus) : notFound();
  if (after !== undefined && !/^[\w-]{1,64}$/.test(after)) notFound();
  const { rows, next } = await listRecurringGifts(organisation.id, { status: filter, after });
  const base = `/dashboard/${organisation.slug}/recurring`;
  const withStatus = (value?: string) => (value ? `${base}?status=${value}` : base);
  const t = dashboardText("recurringGifts");
  return (
    <div className="grid grid-cols-1 gap-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <nav aria-label={t("filterNav")}>
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...GIFT_STATUSES].map((value) => (
            <li key={value ?? "all"}>
              <Link
                href={withStatus(value)}
                aria-current={filter === value ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900 aria-[current=page]:ring-teal-700"
              >
                {value ? t(`statuses.${value}`) : t("all")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">{filter ? t("noneWithStatus", { status: filter }) : t("noneYet")}</p>
      ) : (
        <Table
          caption={filter ? t("captionWithStatus", { status: filter }) : t("caption")}
          className="sm:min-w-[44rem]"
          rows={rows}
          rowKey={(gift) => gift.id}
          rowTestId="recurring-row"
          columns={[
            {
              header: t("columns.donor"),
              className: "[overflow-wrap:anywhere]",
              cell: (gift) => (
                <Link href={`${base}/${gift.id}`} className="font-semibold text-teal-800 underline">
                  {gift.donor.name ?? gift.donor.email}
                </Link>
              ),
            },
            {
              header: t("columns.amount"),
              align: "right",
              className: "whitespace-nowrap tabular-nums",
              cell: (gift) => (
                <>
                  {formatMoney(gift.amount, gift.currency)}
                  <span className="block text-xs text-slate-500">{t("interval", { interval: gift.interval })}</span>
                </>
              ),
            },
            { header: t("columns.status"), cell: (gift) => t(`statuses.${gift.status}`) },
            {
              header: t("columns.nextPayment"),
              hideOnPhone: true,
              className: "whitespace-nowrap",
              cell: (gift) =>
                gift.status === "canceled" || gift.status === "incomplete" || !gift.currentPeriodEnd
                  ? "-"
                  : gift.status === "paused" && gift.pausedUntil
                    ? t("pausedUntil", { date: formatDate(gift.pausedUntil) })
                    : formatDate(gift.currentPeriodEnd),
            },
            {
              header: t("columns.paid"),
              align: "right",
              hideOnPhone: true,
              className: "whitespace-nowrap tabular-nums",
              cell: (gift) => (
                <>
                  {formatMoney(gift.installmentsTotal, gift.currency)}
                  <span className="block text-xs text-slate-500">{t("installments", { count: gift.installments })}</span>
                </>
              ),
            },
          ]}
        />
      )}
      {next ? (
        <Link href={`${withStatus(filter)}${filter ? "&" : "?"}after=${next}`} className="justify-self-start font-semibold text-teal-800 underline">
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
