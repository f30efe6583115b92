// GET /dev/mailbox/attachments/[attachmentId] - a file attached to a development mailbox message (a receipt's PDF)
import { publicRoute } from "@/lib/api/public-route";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export const GET = publicRoute({ maxBytes: 0 }, async ({ params }) => {
  // Only where the mailbox itself exists (development and the browser tests).
  if (!getEnv().devMailbox) return notFound();
  const id = params.attachmentId ?? "";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return notFound();
  const attachment = await db.mailboxAttachment.findUnique({ where: { id } });
  if (!attachment) return notFound();
  const ascii = attachment.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Buffer.from(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${ascii}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
});
