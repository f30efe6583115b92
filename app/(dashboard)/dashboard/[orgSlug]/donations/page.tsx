import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/donations/status-badge";
import { Table } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/amount";

export const metadata: Metadata = { title: "Donations" };

const PAGE_SIZE = 50;

export default async function DonationsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ before?: string }> }) {
  const { orgSlug } = await params;
  const { before } = await searchParams;
  const { organisation } = await requirePageRole(orgSlug, "viewer", `/dashboard/${orgSlug}/donations`);
  // A cursor is a donation number (it fits the column); anything else answers 404, never a 500.
  const cursor = before === undefined ? undefined : /^\d{1,9}$/.test(before) ? Number(before) : notFound();
  const donations = await db.donation.findMany({
    where: { organisationId: organisation.id, ...(cursor ? { number: { lt: cursor } } : {}) },
    orderBy: { number: "desc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      createdAt: true,
      amount: true,
      chargedAmount: true,
      currency: true,
      status: true,
      anonymous: true,
      paymentMethodType: true,
      method: true,
      donorName: true,
      donor: { select: { email: true } },
      fund: { select: { name: true } },
      campaign: { select: { name: true } },
      recurringDonation: { select: { interval: true } },
    },
  });
  const more = donations.length > PAGE_SIZE;
  const rows = donations.slice(0, PAGE_SIZE);
  const base = `/dashboard/${organisation.slug}/donations`;
  return (
    <div className="grid grid-cols-1 gap-4">
      <h1 className="text-2xl font-bold">Donations</h1>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          No donations yet. Share your donation page:{" "}
          <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
            /give/{organisation.slug}
          </Link>
        </p>
      ) : (
        <Table
          caption="Donations, newest first"
          className="sm:min-w-[40rem]"
          rows={rows}
          rowKey={(donation) => donation.id}
          rowTestId="donation-row"
          columns={[
            {
              header: "Date",
              // On a phone the date may take two lines, so that the amount and the status stay on screen
              // (a vertical scrollbar alone takes 15 px of a 360 px screen).
              className: "sm:whitespace-nowrap",
              cell: (donation) => (
                <Link href={`${base}/${donation.id}`} className="font-semibold text-teal-800 underline">
                  {donation.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}
                </Link>
              ),
            },
            {
              header: "Donor",
              // Long names and addresses wrap rather than push the amount off a phone's screen.
              className: "[overflow-wrap:anywhere]",
              cell: (donation) =>
                donation.anonymous ? <span className="italic text-slate-600">Anonymous</span> : (donation.donorName ?? donation.donor?.email ?? "-"),
            },
            {
              header: "Amount",
              align: "right",
              className: "whitespace-nowrap tabular-nums",
              cell: (donation) => (
                <>
                  {formatMoney(donation.chargedAmount, donation.currency)}
                  <span className="block text-xs text-slate-500">
                    {donation.currency}
                    {donation.recurringDonation ? (
                      <span data-testid="recurring-badge"> · {donation.recurringDonation.interval === "year" ? "yearly" : "monthly"}</span>
                    ) : null}
                  </span>
                </>
              ),
            },
            { header: "Status", cell: (donation) => <StatusBadge status={donation.status} /> },
            { header: "For", hideOnPhone: true, cell: (donation) => donation.campaign?.name ?? donation.fund?.name ?? "General" },
          ]}
        />
      )}
      {more ? (
        <Link href={`${base}?before=${rows.at(-1)?.number}`} className="justify-self-start font-semibold text-teal-800 underline">
          Older donations
        </Link>
      ) : null}
    </div>
  );
}
