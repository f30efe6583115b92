import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/donations/status-badge";
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
    },
  });
  const more = donations.length > PAGE_SIZE;
  const rows = donations.slice(0, PAGE_SIZE);
  const base = `/dashboard/${organisation.slug}/donations`;
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">Donations</h1>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-700 ring-1 ring-slate-200">
          No donations yet. Share your donation page:{" "}
          <Link href={`/give/${organisation.slug}`} className="font-semibold text-teal-800 underline">
            /give/{organisation.slug}
          </Link>
        </p>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Donations, newest first</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Date
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Donor
                </th>
                <th scope="col" className="px-4 py-3 text-right font-semibold">
                  Amount
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  For
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {rows.map((donation) => (
                <tr key={donation.id} data-testid="donation-row">
                  <td className="px-4 py-3 whitespace-nowrap">
                    <Link href={`${base}/${donation.id}`} className="font-semibold text-teal-800 underline">
                      {donation.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{donation.anonymous ? <span className="italic text-slate-600">Anonymous</span> : (donation.donorName ?? donation.donor?.email ?? "-")}</td>
                  <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
                    {formatMoney(donation.chargedAmount, donation.currency)}
                    <span className="block text-xs text-slate-500">{donation.currency}</span>
                  </td>
                  <td className="px-4 py-3">
                    <StatusBadge status={donation.status} />
                  </td>
                  <td className="px-4 py-3">{donation.campaign?.name ?? donation.fund?.name ?? "General"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more ? (
        <Link href={`${base}?before=${rows.at(-1)?.number}`} className="justify-self-start font-semibold text-teal-800 underline">
          Older donations
        </Link>
      ) : null}
    </div>
  );
}
