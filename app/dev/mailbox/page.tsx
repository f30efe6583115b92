import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Development mailbox" };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  await connection();
  // Each page checks on its own too: a request can render a page without its layout.
  if (!getEnv().devMailbox) notFound();
  const { to } = await searchParams;
  const messages = await db.mailboxMessage.findMany({
    where: to ? { to: to.toLowerCase() } : undefined,
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
  if (messages.length === 0)
    return <p className="rounded-lg bg-white p-6 text-slate-700 ring-1 ring-slate-200">No email yet. Mail appears here a moment after Amply sends it.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-xl bg-white ring-1 ring-slate-200" aria-label="Messages, newest first">
      {messages.map((message) => (
        <li key={message.id}>
          <Link href={`/dev/mailbox/${message.id}`} className="grid gap-1 px-4 py-3 hover:bg-slate-50 sm:grid-cols-[1fr_auto] sm:items-center">
            <span>
              <span className="block font-semibold text-slate-900">{message.subject}</span>
              <span className="block text-sm text-slate-600">To {message.to}</span>
            </span>
            <span className="text-xs text-slate-500">
              <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toLocaleString("en-GB", { timeZone: "UTC" })} UTC</time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
