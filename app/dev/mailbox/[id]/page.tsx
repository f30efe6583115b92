import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

/** Plain text with its links made clickable (sign-in links are what people come here for). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part} className="font-semibold text-teal-800 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  // Each page checks on its own too: a request can render a page without its layout.
  if (!getEnv().devMailbox) notFound();
  const { id } = await params;
  const message = await db.mailboxMessage.findUnique({
    where: { id },
    include: { attachments: { select: { id: true, filename: true, contentType: true }, orderBy: { filename: "asc" } } },
  });
  if (!message) notFound();
  return (
    <article className="grid gap-4 rounded-xl bg-white p-6 ring-1 ring-slate-200">
      <Link href="/dev/mailbox" className="text-sm font-semibold text-teal-800 underline">
        All messages
      </Link>
      <h2 className="text-xl font-semibold">{message.subject}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">To</dt>
        <dd>{message.to}</dd>
        <dt className="text-slate-600">Sent</dt>
        <dd>
          <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toLocaleString("en-GB", { timeZone: "UTC" })} UTC</time>
        </dd>
      </dl>
      {message.attachments.length ? (
        <section aria-labelledby="attachments-heading" className="grid gap-1">
          <h3 id="attachments-heading" className="text-sm font-semibold text-slate-800">
            Attachments
          </h3>
          <ul className="grid gap-1 text-sm">
            {message.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={`/dev/mailbox/attachments/${attachment.id}`} download={attachment.filename} className="font-semibold text-teal-800 underline">
                  {attachment.filename}
                </a>{" "}
                <span className="text-slate-600">({attachment.contentType})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Linkified text={message.text} />
    </article>
  );
}
