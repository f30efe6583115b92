import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { formatMoney } from "@/lib/money/amount";
import { formatDate } from "@/lib/recurring/change-emails";
import { GIFT_STATUS_LABELS, GIFT_STATUSES, type GiftStatus } from "@/lib/recurring/gift-status";
import { listRecurringGifts } from "@/lib/recurring/list-recurring-gifts";

export const metadata: Metadata = { title: "Recurring gifts" };

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
  return (
    <div className="grid grid-cols-1 gap-4">
      <h1 className="text-2xl font-bold">Recurring gifts</h1>
      <nav aria-label="Filter by status">
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...GIFT_STATUSES].map((value) => (
            <li key={value ?? "all"}>
              <Link
                href={withStatus(value)}
                aria-current={filter === value ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900 aria-[current=page]:ring-teal-700"
              >
                {value ? GIFT_STATUS_LABELS[value] : "All"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          {filter ? `No ${GIFT_STATUS_LABELS[filter].toLowerCase()} recurring gifts.` : "No recurring gifts yet."}
        </p>
      ) : (
        <Table
          caption={`Recurring gifts${filter ? ` (${GIFT_STATUS_LABELS[filter].toLowerCase()})` : ""}, newest first`}
          className="sm:min-w-[44rem]"
          rows={rows}
          rowKey={(gift) => gift.id}
          rowTestId="recurring-row"
          columns={[
            {
              header: "Donor",
              className: "[overflow-wrap:anywhere]",
              cell: (gift) => (
                <Link href={`${base}/${gift.id}`} className="font-semibold text-teal-800 underline">
                  {gift.donor.name ?? gift.donor.email}
                </Link>
              ),
            },
            {
              header: "Amount",
              align: "right",
              className: "whitespace-nowrap tabular-nums",
              cell: (gift) => (
                <>
                  {formatMoney(gift.amount, gift.currency)}
                  <span className="block text-xs text-slate-500">{gift.interval === "year" ? "yearly" : "monthly"}</span>
                </>
              ),
            },
            { header: "Status", cell: (gift) => GIFT_STATUS_LABELS[gift.status] },
            {
              header: "Next payment",
              hideOnPhone: true,
              className: "whitespace-nowrap",
              cell: (gift) =>
                gift.status === "canceled" || gift.status === "incomplete" || !gift.currentPeriodEnd
                  ? "-"
                  : gift.status === "paused" && gift.pausedUntil
                    ? `Paused until ${formatDate(gift.pausedUntil)}`
                    : formatDate(gift.currentPeriodEnd),
            },
            {
              header: "Paid",
              align: "right",
              hideOnPhone: true,
              className: "whitespace-nowrap tabular-nums",
              cell: (gift) => (
                <>
                  {formatMoney(gift.installmentsTotal, gift.currency)}
                  <span className="block text-xs text-slate-500">
                    {gift.installments} installment{gift.installments === 1 ? "" : "s"}
                  </span>
                </>
              ),
            },
          ]}
        />
      )}
      {next ? (
        <Link href={`${withStatus(filter)}${filter ? "&" : "?"}after=${next}`} className="justify-self-start font-semibold text-teal-800 underline">
          Older recurring gifts
        </Link>
      ) : null}
    </div>
  );
}
